//! Geometry of the equity chart, computed outside the view so the component
//! only draws what it is given (and so the scale's honesty is tested natively).
//!
//! The chart shows closing equity for the reference year and every plan year
//! as bars from a zero line that is always inside the scale: a negative year hangs below zero instead of being
//! hidden by an axis that starts at the smallest value. Each year's guideline
//! (it follows that year's contributions) is a dashed mark across its bar.
//! Pixel coordinates are `f64`; the amounts behind them stay `Decimal`.

use crate::core::engine::Projection;
use crate::core::horizon::Year;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The chart's width for a few years; a long period widens it (see [`width_for`]).
pub const WIDTH: f64 = 600.0;
pub const HEIGHT: f64 = 280.0;
const LEFT: f64 = 84.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;
/// Room per year for a value label such as "−13,6 Mkr" at 13 px, so ten
/// years' labels never run into each other. With [`WIDTH`] it is chosen so
/// that the chart fits its column without scrolling where the board looks
/// at it: up to seven years (to 2030) in a 1024 px window, eleven (to 2034)
/// in meeting mode at 1366 px.
const MIN_SLOT: f64 = 72.0;

/// The width of a chart with `slots` years: [`WIDTH`], or wider when each
/// year would get less than [`MIN_SLOT`].
pub fn width_for(slots: usize) -> f64 {
    WIDTH.max(LEFT + RIGHT + slots as f64 * MIN_SLOT)
}

/// One year's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartBar {
    pub year: Year,
    pub closing: Decimal,
    pub guideline: Decimal,
    pub x: f64,
    pub width: f64,
    /// Top of the bar (for a negative bar: the zero line).
    pub y: f64,
    pub height: f64,
    pub negative: bool,
    pub guideline_y: f64,
    /// The guideline mark reaches a little past the bar on both sides.
    pub guideline_x1: f64,
    pub guideline_x2: f64,
    /// Baseline of the value label: above a positive bar, below a negative one.
    pub value_label_y: f64,
    /// Centre of the slot, for the year label.
    pub centre_x: f64,
}

/// A horizontal grid line with its amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: Decimal,
    pub y: f64,
    /// Baseline of the amount label, right-aligned left of the plot.
    pub label_y: f64,
}

/// What every chart of the page shares: its size, the plot area, the grid
/// lines with their amounts, the zero line and the baseline of the year labels.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartFrame {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    /// Right edge of the tick labels.
    pub tick_label_x: f64,
    pub zero_y: f64,
    pub label_y: f64,
    pub ticks: Vec<Tick>,
}

/// Everything the equity chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct EquityChart {
    pub frame: ChartFrame,
    pub bars: Vec<ChartBar>,
}

/// The smallest step of 1, 2 or 5 × 10ⁿ kronor that covers `span` in at most
/// five intervals.
fn tick_step(span: Decimal) -> Decimal {
    let mut magnitude = Decimal::ONE;
    loop {
        for factor in [1, 2, 5] {
            let step = magnitude * Decimal::from(factor);
            if step * Decimal::from(5) >= span {
                return step;
            }
        }
        magnitude *= Decimal::TEN;
    }
}

/// A pixel coordinate as SVG text with one decimal (`12.3`, `-0.5`). Done
/// with integers: the float formatter would add kilobytes to the bundle for
/// this one use.
pub fn px(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10)
}

/// A vertical scale from amounts to pixels whose domain always holds zero and
/// runs over whole steps of 1, 2 or 5 × 10ⁿ kronor.
struct Scale {
    domain_low: Decimal,
    domain_high: Decimal,
    step: Decimal,
}

impl Scale {
    fn covering(values: impl Iterator<Item = Decimal> + Clone) -> Self {
        let low = values.clone().fold(Decimal::ZERO, Decimal::min);
        let high = values.fold(Decimal::ZERO, Decimal::max);
        let step = tick_step((high - low).max(Decimal::ONE));
        let domain_low = (low / step).floor() * step;
        let domain_high = ((high / step).ceil() * step).max(domain_low + step);
        Scale {
            domain_low,
            domain_high,
            step,
        }
    }

    fn y_of(&self, value: Decimal) -> f64 {
        let (plot_top, plot_bottom) = (TOP, HEIGHT - BOTTOM);
        let span = (self.domain_high - self.domain_low).to_f64().unwrap_or(1.0);
        let above_low = (value - self.domain_low).to_f64().unwrap_or(0.0);
        plot_bottom - above_low / span * (plot_bottom - plot_top)
    }

    /// The frame of a chart `width` wide drawn on this scale.
    fn frame(&self, width: f64) -> ChartFrame {
        ChartFrame {
            width,
            height: HEIGHT,
            plot_left: LEFT,
            plot_right: width - RIGHT,
            tick_label_x: LEFT - 8.0,
            zero_y: self.y_of(Decimal::ZERO),
            label_y: HEIGHT - BOTTOM / 2.0 + 5.0,
            ticks: self.ticks(),
        }
    }

    fn ticks(&self) -> Vec<Tick> {
        let mut ticks = Vec::new();
        let mut value = self.domain_low;
        while value <= self.domain_high {
            ticks.push(Tick {
                value,
                y: self.y_of(value),
                label_y: self.y_of(value) + 4.0,
            });
            value += self.step;
        }
        ticks
    }
}

/// Lays out the chart for a projection.
pub fn equity_chart(projection: &Projection) -> EquityChart {
    let years: Vec<_> = projection.all_years().collect();
    let scale = Scale::covering(years.iter().flat_map(|y| [y.closing, y.guideline]));
    let y_of = |value: Decimal| scale.y_of(value);
    let zero_y = y_of(Decimal::ZERO);

    let width = width_for(years.len());
    let slot = (width - LEFT - RIGHT) / years.len() as f64;
    // Half the slot for a few years; more of it when ten or more share the width.
    let bar_width = slot * if years.len() > 6 { 0.62 } else { 0.5 };
    let bars = years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let value_y = y_of(y.closing);
            let centre_x = LEFT + slot * (i as f64 + 0.5);
            let negative = y.closing < Decimal::ZERO;
            let top = value_y.min(zero_y);
            let height = (value_y - zero_y).abs();
            ChartBar {
                year: y.year,
                closing: y.closing,
                guideline: y.guideline,
                x: centre_x - bar_width / 2.0,
                width: bar_width,
                y: top,
                // At least a hairline, so a year at (nearly) zero is still seen.
                height: height.max(1.0),
                negative,
                guideline_y: y_of(y.guideline),
                guideline_x1: centre_x - slot * 0.45,
                guideline_x2: centre_x + slot * 0.45,
                value_label_y: if negative {
                    top + height + 16.0
                } else {
                    top - 6.0
                },
                centre_x,
            }
        })
        .collect();

    EquityChart {
        frame: scale.frame(width),
        bars,
    }
}

/// One scenario's line in the comparison chart.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesLine {
    /// Column position, 1…4: picks the line's dash pattern and marker.
    pub position: usize,
    pub label: String,
    /// `x,y x,y …` for an SVG polyline.
    pub points: String,
    /// Each year's point: (year, closing equity, x, y).
    pub markers: Vec<(Year, Decimal, f64, f64)>,
}

/// The comparison chart: closing equity per year, one line per scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub frame: ChartFrame,
    /// (year, x) of each year label.
    pub years: Vec<(Year, f64)>,
    pub lines: Vec<SeriesLine>,
}

/// Lays out the comparison chart for labelled series of (year, closing equity),
/// every series over the same years.
pub fn comparison_chart(series: &[(String, Vec<(Year, Decimal)>)]) -> LineChart {
    let scale = Scale::covering(series.iter().flat_map(|(_, s)| s.iter().map(|&(_, v)| v)));
    let years: Vec<Year> = series
        .first()
        .map(|(_, s)| s.iter().map(|&(y, _)| y).collect())
        .unwrap_or_default();
    let width = width_for(years.len());
    let slot = (width - LEFT - RIGHT) / years.len().max(1) as f64;
    let x_of = |i: usize| LEFT + slot * (i as f64 + 0.5);
    let lines = series
        .iter()
        .enumerate()
        .map(|(k, (label, points))| {
            let markers: Vec<(Year, Decimal, f64, f64)> = points
                .iter()
                .enumerate()
                .map(|(i, &(year, value))| (year, value, x_of(i), scale.y_of(value)))
                .collect();
            SeriesLine {
                position: k + 1,
                label: label.clone(),
                points: markers
                    .iter()
                    .map(|&(_, _, x, y)| format!("{},{}", px(x), px(y)))
                    .collect::<Vec<_>>()
                    .join(" "),
                markers,
            }
        })
        .collect();
    LineChart {
        frame: scale.frame(width),
        years: years
            .iter()
            .enumerate()
            .map(|(i, &y)| (y, x_of(i)))
            .collect(),
        lines,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    use crate::core::{project, Scenario};
    use crate::state::builtin::sfv;

    #[test]
    fn negative_years_hang_below_a_zero_line_inside_the_scale() {
        let data = sfv();
        let chart = equity_chart(&project(&data, &Scenario::default()));
        // Closing 1 918 000, 1 908 927, −119 695, −2 148 317; guidelines ≈ 3.8 Mkr:
        // step 2 Mkr, domain −4 … 4 Mkr, so zero sits mid-plot.
        let ticks: Vec<String> = chart
            .frame
            .ticks
            .iter()
            .map(|t| t.value.to_string())
            .collect();
        assert_eq!(ticks, ["-4000000", "-2000000", "0", "2000000", "4000000"]);
        let [b2024, _, b2026, b2027] = &chart.bars[..] else {
            panic!("four bars")
        };
        assert!(!b2024.negative && (b2024.y + b2024.height - chart.frame.zero_y).abs() < 1e-9);
        assert!(b2026.negative && (b2026.y - chart.frame.zero_y).abs() < 1e-9);
        assert!(b2027.negative && b2027.height > b2026.height);
        assert!(b2027.value_label_y > b2027.y + b2027.height);
        assert!(b2024.guideline_y < b2024.y, "guideline above the 2024 bar");
    }

    #[test]
    fn pixels_have_one_decimal() {
        assert_eq!(px(12.34), "12.3");
        assert_eq!(px(12.35), "12.4");
        assert_eq!(px(-0.46), "-0.5");
        assert_eq!(px(0.0), "0.0");
        assert_eq!(px(640.0), "640.0");
    }

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(tick_step(dec!(4000000)), dec!(1000000));
        assert_eq!(tick_step(dec!(6000000)), dec!(2000000));
        assert_eq!(tick_step(dec!(20000000)), dec!(5000000));
        assert_eq!(tick_step(dec!(3)), dec!(1));
    }
}
