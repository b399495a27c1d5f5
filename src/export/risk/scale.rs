//! A linear scale from kronor to pixels over whole steps of 1, 2 or
//! 5 × 10ⁿ kronor, for the risk charts: upright for the fan chart (whose
//! domain always holds zero, like the equity chart's), lying for the
//! tornado and the bridge.
//!
//! `export::chart` keeps its own scale private to the equity and comparison
//! charts; this one takes the same steps (so the page's charts read alike)
//! but maps onto any pixel range and may leave zero out (a tornado's bars
//! are distances from the scenario's own figure, and a zero far away would
//! squash them). The amounts stay `Decimal`; only pixels are `f64`.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The smallest step of 1, 2 or 5 × 10ⁿ kronor that covers `span` in at
/// most `intervals` intervals.
pub fn tick_step(span: Decimal, intervals: u32) -> Decimal {
    let mut magnitude = Decimal::ONE;
    loop {
        for factor in [1, 2, 5] {
            let step = magnitude * Decimal::from(factor);
            if step * Decimal::from(intervals) >= span {
                return step;
            }
        }
        magnitude *= Decimal::TEN;
    }
}

/// Amounts onto pixels: `low` lands on `from`, `high` on `to` (for an
/// upright scale `from` is the bottom of the plot, so `to < from`).
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub low: Decimal,
    pub high: Decimal,
    pub step: Decimal,
    from: f64,
    to: f64,
}

impl Scale {
    /// A scale over whole steps covering `values` (and zero, if
    /// `with_zero`), in at most `intervals` steps.
    pub fn covering(
        values: impl Iterator<Item = Decimal> + Clone,
        with_zero: bool,
        intervals: u32,
        from: f64,
        to: f64,
    ) -> Self {
        let first = values.clone().next().unwrap_or_default();
        let seed = if with_zero { Decimal::ZERO } else { first };
        let low = values.clone().fold(seed, Decimal::min);
        let high = values.fold(seed, Decimal::max);
        let step = tick_step((high - low).max(Decimal::ONE), intervals);
        let domain_low = (low / step).floor() * step;
        let domain_high = ((high / step).ceil() * step).max(domain_low + step);
        Scale {
            low: domain_low,
            high: domain_high,
            step,
            from,
            to,
        }
    }

    /// The pixel of an amount.
    pub fn at(&self, value: Decimal) -> f64 {
        let span = (self.high - self.low).to_f64().unwrap_or(1.0);
        let above = (value - self.low).to_f64().unwrap_or(0.0);
        self.from + above / span * (self.to - self.from)
    }

    /// Every step from the domain's low end to its high end.
    pub fn ticks(&self) -> Vec<Decimal> {
        let mut ticks = Vec::new();
        let mut value = self.low;
        while value <= self.high {
            ticks.push(value);
            value += self.step;
        }
        ticks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_scale_holds_its_values_on_whole_steps() {
        let s = Scale::covering(
            [dec!(571165), dec!(1726285)].into_iter(),
            true,
            5,
            244.0,
            16.0,
        );
        assert_eq!(
            (s.low, s.high, s.step),
            (dec!(0), dec!(2000000), dec!(500000))
        );
        assert!((s.at(dec!(0)) - 244.0).abs() < 1e-9);
        assert!((s.at(dec!(2000000)) - 16.0).abs() < 1e-9);
        let lying = Scale::covering([dec!(-120), dec!(480)].into_iter(), false, 4, 0.0, 100.0);
        assert_eq!(
            (lying.low, lying.high, lying.step),
            (dec!(-200), dec!(600), dec!(200))
        );
        assert_eq!(lying.ticks().len(), 5);
    }
}
