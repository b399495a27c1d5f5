//! The range and precision each kind of input takes. Every way a value enters
//! a scenario (a field, a slider, a link, a stored file) is checked against
//! the input's rule, so the engine never sees a value out of range. Turning
//! typed text into a number is done at the edge (`state::input`).

use rust_decimal::Decimal;

/// The kinds of number the app takes, each with its own precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// Whole kronor.
    Kronor,
    /// A percentage with at most one decimal.
    Percent,
    /// Full-time equivalents (*årsarbetare*), at most one decimal.
    Fte,
}

/// An inclusive range with the precision it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NumberRule {
    pub kind: NumberKind,
    pub min: Decimal,
    pub max: Decimal,
}

/// Why a value does not fit its rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleError {
    NotWholeKronor,
    TooManyDecimals,
    OutOfRange,
}

impl NumberRule {
    pub const fn percent(min: i64, max: i64) -> Self {
        NumberRule {
            kind: NumberKind::Percent,
            min: Decimal::from_parts(min.unsigned_abs() as u32, 0, 0, min < 0, 0),
            max: Decimal::from_parts(max.unsigned_abs() as u32, 0, 0, max < 0, 0),
        }
    }

    /// The value, normalised (`80.0` → `80`), if it fits the rule.
    pub fn check(&self, value: Decimal) -> Result<Decimal, RuleError> {
        let value = value.normalize();
        match self.kind {
            NumberKind::Kronor if value.scale() > 0 => return Err(RuleError::NotWholeKronor),
            NumberKind::Percent | NumberKind::Fte if value.scale() > 1 => {
                return Err(RuleError::TooManyDecimals)
            }
            _ => {}
        }
        if value < self.min || value > self.max {
            return Err(RuleError::OutOfRange);
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rules_check_precision_and_range() {
        let p = NumberRule::percent(-5, 10);
        assert_eq!(p.min, dec!(-5));
        assert_eq!(p.check(dec!(2.50)), Ok(dec!(2.5)));
        assert_eq!(p.check(dec!(2.55)), Err(RuleError::TooManyDecimals));
        assert_eq!(p.check(dec!(10.5)), Err(RuleError::OutOfRange));
        let k = NumberRule {
            kind: NumberKind::Kronor,
            min: Decimal::ZERO,
            max: dec!(100),
        };
        assert_eq!(k.check(dec!(5.5)), Err(RuleError::NotWholeKronor));
        assert_eq!(k.check(dec!(100.00)), Ok(dec!(100)));
    }
}
