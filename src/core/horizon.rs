//! The plan period: which years a projection covers (spec section 9).
//!
//! Years are plain numbers from the data set, never types: a data set names
//! its first plan year `P0` and the end of its own plan period, and a
//! scenario may extend the period up to `P0 + 9`. [`PerYear`] holds one value
//! per plan year, so code that walks the years never assumes how many there
//! are.

use serde::{Deserialize, Serialize};

/// A calendar year (`2025`).
pub type Year = u16;

/// How many years past the first plan year a period may reach (`P0 + 9`).
pub const MAX_YEARS_AFTER_FIRST: Year = 9;

/// The plan years `first..=last`, at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlanPeriod {
    first: Year,
    last: Year,
}

impl PlanPeriod {
    /// The period `first..=last`; `None` when `last` is before `first` or
    /// more than [`MAX_YEARS_AFTER_FIRST`] years after it.
    pub fn new(first: Year, last: Year) -> Option<Self> {
        (last >= first && last - first <= MAX_YEARS_AFTER_FIRST)
            .then_some(PlanPeriod { first, last })
    }

    pub fn first(self) -> Year {
        self.first
    }

    pub fn last(self) -> Year {
        self.last
    }

    /// The number of plan years.
    pub fn len(self) -> usize {
        usize::from(self.last - self.first) + 1
    }

    /// A period always holds at least one year.
    pub fn is_empty(self) -> bool {
        false
    }

    pub fn contains(self, year: Year) -> bool {
        (self.first..=self.last).contains(&year)
    }

    /// The position of `year` in the period, from 0.
    pub fn index(self, year: Year) -> Option<usize> {
        self.contains(year).then(|| usize::from(year - self.first))
    }

    /// The years in order.
    pub fn years(self) -> impl DoubleEndedIterator<Item = Year> + ExactSizeIterator + Clone {
        self.first..=self.last
    }

    /// The latest end a scenario may choose for a data set starting at `first`.
    pub fn latest_end(first: Year) -> Year {
        first.saturating_add(MAX_YEARS_AFTER_FIRST)
    }
}

/// One value per plan year, in year order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PerYear<T> {
    first: Year,
    values: Vec<T>,
}

impl<T> PerYear<T> {
    /// One value per year of `period`, made by `value(year)`.
    pub fn build(period: PlanPeriod, value: impl FnMut(Year) -> T) -> Self {
        PerYear {
            first: period.first,
            values: period.years().map(value).collect(),
        }
    }

    /// Values for consecutive years starting at `first`.
    pub fn from_values(first: Year, values: Vec<T>) -> Self {
        PerYear { first, values }
    }

    pub fn get(&self, year: Year) -> Option<&T> {
        let offset = year.checked_sub(self.first)?;
        self.values.get(usize::from(offset))
    }

    pub fn get_mut(&mut self, year: Year) -> Option<&mut T> {
        let offset = year.checked_sub(self.first)?;
        self.values.get_mut(usize::from(offset))
    }

    /// `(year, value)` in year order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (Year, &T)> + ExactSizeIterator + Clone {
        let first = self.first;
        self.values
            .iter()
            .enumerate()
            .map(move |(i, v)| (first + i as Year, v))
    }

    pub fn values(&self) -> &[T] {
        &self.values
    }

    pub fn first_year(&self) -> Year {
        self.first
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn map<U>(&self, mut f: impl FnMut(Year, &T) -> U) -> PerYear<U> {
        PerYear {
            first: self.first,
            values: self.iter().map(|(y, v)| f(y, v)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_reaches_at_most_nine_years_past_its_first() {
        let p = PlanPeriod::new(2025, 2034).unwrap();
        assert_eq!(p.len(), 10);
        assert_eq!(p.index(2030), Some(5));
        assert_eq!(p.index(2024), None);
        assert_eq!(PlanPeriod::new(2025, 2035), None);
        assert_eq!(PlanPeriod::new(2025, 2024), None);
        assert_eq!(PlanPeriod::latest_end(2025), 2034);
        assert_eq!(p.years().collect::<Vec<_>>().len(), 10);
    }

    #[test]
    fn per_year_values_are_found_by_year() {
        let p = PlanPeriod::new(2025, 2027).unwrap();
        let v = PerYear::build(p, |y| y * 2);
        assert_eq!(v.get(2026), Some(&4052));
        assert_eq!(v.get(2024), None);
        assert_eq!(v.get(2028), None);
        assert_eq!(
            v.iter().map(|(y, _)| y).collect::<Vec<_>>(),
            [2025, 2026, 2027]
        );
    }
}
