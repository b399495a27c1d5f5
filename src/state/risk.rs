//! The page's risk settings (spec section 11) and the two ways they are
//! written: the link's `risk.*` keys and the panel's fields.
//!
//! The settings are the simulation's inputs (`core::risk::RiskInputs`: the
//! spreads `w` and `v`, the number of draws and the seed) plus the floor of
//! the equity band, the lowest closing equity the board wants (its ceiling
//! is the guideline). Keys, omitted when they hold the default:
//! `risk.growth` (pp, 0 … 5, one decimal, default 1), `risk.rev` (%, 0 … 20,
//! one decimal, default 1), `risk.n` (1 000 … 100 000, default 10 000),
//! `risk.seed` (0 … 2⁵³ − 1, default 1) and `risk.floor` (whole kronor,
//! default 0). Text becomes a number here with the page's own rules
//! (`state::input`: decimal comma, spaces between thousands, a real minus),
//! and a value that cannot be used is refused with a Swedish reason, the
//! same in a link and in a field, so the link's "ignored" notice and the
//! field's message say the same thing.

use crate::core::risk::{
    RiskInputs, GROWTH_SPREAD_RULE, MAX_DRAWS, MAX_SEED, MIN_DRAWS, REVENUE_SPREAD_RULE,
};
use crate::core::rules::{NumberKind, NumberRule};
use crate::core::validate::KRONOR_LIMIT;
use crate::export::format;
use crate::state::fragment::IgnoreReason;
use crate::state::input::{check_with, parse_decimal, InputError};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use thiserror::Error;

/// The floor's rule: whole kronor within the amounts the engine takes.
const FLOOR_RULE: NumberRule = NumberRule {
    kind: NumberKind::Kronor,
    min: Decimal::from_parts(3_567_587_328, 232, 0, true, 0),
    max: KRONOR_LIMIT,
};

/// What the risk panel and the link set, always within the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RiskSettings {
    pub inputs: RiskInputs,
    /// The band's floor, kr (0 by default).
    pub floor: Decimal,
}

/// One setting, as a field of the panel and a key of the link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RiskField {
    GrowthSpread,
    RevenueSpread,
    Draws,
    Seed,
    Floor,
}

impl RiskField {
    /// In the order the panel shows them and the link writes them.
    pub const ALL: [RiskField; 5] = [
        RiskField::GrowthSpread,
        RiskField::RevenueSpread,
        RiskField::Draws,
        RiskField::Seed,
        RiskField::Floor,
    ];

    /// The link key without its `risk.` prefix.
    pub fn key(self) -> &'static str {
        match self {
            RiskField::GrowthSpread => "growth",
            RiskField::RevenueSpread => "rev",
            RiskField::Draws => "n",
            RiskField::Seed => "seed",
            RiskField::Floor => "floor",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// Why a value was refused; the `Display` text is the Swedish message.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RiskError {
    #[error("{0}")]
    Input(InputError),
    #[error("Ange ett heltal (”{text}”).")]
    NotWhole { text: String },
}

impl From<RiskError> for IgnoreReason {
    fn from(error: RiskError) -> Self {
        match error {
            RiskError::Input(e) => IgnoreReason::BadValue(e),
            // No input error says "a whole number" (kronor aside): the
            // sentence itself is carried.
            e @ RiskError::NotWhole { .. } => IgnoreReason::BadData(e.to_string()),
        }
    }
}

/// A whole number from `min` to `max`, as typed.
fn whole(text: &str, min: u64, max: u64) -> Result<u64, RiskError> {
    let value = parse_decimal(text).map_err(RiskError::Input)?.normalize();
    if value.scale() > 0 {
        return Err(RiskError::NotWhole {
            text: text.trim().to_owned(),
        });
    }
    match value.to_u64() {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(RiskError::Input(InputError::OutOfRange {
            value: format::kronor(value),
            min: format::kronor(Decimal::from(min)),
            max: format::kronor(Decimal::from(max)),
        })),
    }
}

fn by_rule(rule: &NumberRule, text: &str) -> Result<Decimal, RiskError> {
    parse_decimal(text)
        .and_then(|v| check_with(rule, v, text))
        .map_err(RiskError::Input)
}

impl RiskSettings {
    /// The settings with `field` set from typed text (a field or a link
    /// value), or why the text cannot be used; `self` is not changed.
    pub fn with(&self, field: RiskField, text: &str) -> Result<RiskSettings, RiskError> {
        let mut next = *self;
        let inputs = &mut next.inputs;
        // The rules below are the core's own, so its setters cannot refuse.
        let set = |r: Result<(), _>| r.expect("checked against the same rule");
        match field {
            RiskField::GrowthSpread => {
                set(inputs.set_growth_spread(by_rule(&GROWTH_SPREAD_RULE, text)?))
            }
            RiskField::RevenueSpread => {
                set(inputs.set_revenue_spread(by_rule(&REVENUE_SPREAD_RULE, text)?))
            }
            RiskField::Draws => {
                let n = whole(text, MIN_DRAWS.into(), MAX_DRAWS.into())?;
                set(inputs.set_draws(n as u32))
            }
            RiskField::Seed => set(inputs.set_seed(whole(text, 0, MAX_SEED)?)),
            RiskField::Floor => next.floor = by_rule(&FLOOR_RULE, text)?,
        }
        Ok(next)
    }

    /// The value of `field` as the panel shows it: `1,5`, `10 000`, `1`,
    /// `−500 000`.
    pub fn text(&self, field: RiskField) -> String {
        match field {
            RiskField::GrowthSpread => format::percent_input(self.inputs.growth_spread()),
            RiskField::RevenueSpread => format::percent_input(self.inputs.revenue_spread()),
            RiskField::Draws => format::kronor(Decimal::from(self.inputs.draws())),
            RiskField::Seed => self.inputs.seed().to_string(),
            RiskField::Floor => format::kronor(self.floor),
        }
    }

    /// The value of `field` as the link writes it (ASCII, decimal point).
    fn link_value(&self, field: RiskField) -> String {
        match field {
            RiskField::GrowthSpread => self.inputs.growth_spread().normalize().to_string(),
            RiskField::RevenueSpread => self.inputs.revenue_spread().normalize().to_string(),
            RiskField::Draws => self.inputs.draws().to_string(),
            RiskField::Seed => self.inputs.seed().to_string(),
            RiskField::Floor => self.floor.normalize().to_string(),
        }
    }

    /// The link's entries for what differs from the defaults, in a fixed
    /// order (`risk.growth=1.5&risk.n=20000`, say).
    pub fn link_entries(&self) -> Vec<String> {
        let default = RiskSettings::default();
        RiskField::ALL
            .into_iter()
            .filter(|&f| self.link_value(f) != default.link_value(f))
            .map(|f| format!("risk.{}={}", f.key(), self.link_value(f)))
            .collect()
    }

    /// Applies a link entry `risk.<name>=<value>` (the value decoded), or
    /// says why it was not applied.
    pub fn read_entry(&mut self, name: &str, value: &str) -> Result<(), IgnoreReason> {
        let field = RiskField::from_key(name.trim()).ok_or(IgnoreReason::UnknownKey)?;
        *self = self.with(field, value)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_floor_rule_is_the_opening_equity_range() {
        assert_eq!(FLOOR_RULE.min, -KRONOR_LIMIT);
    }
}
