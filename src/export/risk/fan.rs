//! Geometry of the fan chart: closing equity per plan year as the band from
//! the 10th to the 90th percentile of the draws, the median line, the
//! scenario's own line, the zero line, the guideline (the band's ceiling)
//! and, when it is not zero, the floor.
//!
//! The scale is honest in the equity chart's way: zero is always inside it,
//! so a band that reaches below zero is seen to, and every line's points
//! are the same scale's pixels. The width follows `chart::width_for`, so ten
//! years' labels get room; pixels are `f64`, the amounts stay `Decimal`.

use crate::core::horizon::Year;
use crate::export::chart::{px, width_for, ChartFrame, Tick, HEIGHT};
use crate::export::risk::scale::Scale;
use crate::export::risk::RiskReport;
use rust_decimal::Decimal;

const LEFT: f64 = 84.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;

/// One plan year's points (pixels) and amounts.
#[derive(Debug, Clone, PartialEq)]
pub struct FanYear {
    pub year: Year,
    pub x: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub own: f64,
    pub guideline: f64,
}

/// Everything the fan chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct FanChart {
    pub frame: ChartFrame,
    pub years: Vec<FanYear>,
    /// The band's outline: the 90th percentile left to right, then the
    /// 10th right to left (`x,y x,y …` for an SVG polygon).
    pub band: String,
    pub median: String,
    pub own: String,
    pub guideline: String,
    /// The floor's height, when the floor is not zero (zero is drawn anyway).
    pub floor_y: Option<f64>,
}

fn points(pairs: impl Iterator<Item = (f64, f64)>) -> String {
    pairs
        .map(|(x, y)| format!("{},{}", px(x), px(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lays out the fan chart of a report.
pub fn fan_chart(report: &RiskReport) -> FanChart {
    let values = report.years.iter().flat_map(|y| {
        [
            y.risk.p10,
            y.risk.p50,
            y.risk.p90,
            y.own,
            y.guideline,
            report.floor,
        ]
    });
    let scale = Scale::covering(values, true, 5, HEIGHT - BOTTOM, TOP);
    let width = width_for(report.years.len());
    let slot = (width - LEFT - RIGHT) / report.years.len().max(1) as f64;
    let years: Vec<FanYear> = report
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| FanYear {
            year: y.risk.year,
            x: LEFT + slot * (i as f64 + 0.5),
            p10: scale.at(y.risk.p10),
            p50: scale.at(y.risk.p50),
            p90: scale.at(y.risk.p90),
            own: scale.at(y.own),
            guideline: scale.at(y.guideline),
        })
        .collect();
    let line = |pick: fn(&FanYear) -> f64| points(years.iter().map(|y| (y.x, pick(y))));
    let band = points(
        years
            .iter()
            .map(|y| (y.x, y.p90))
            .chain(years.iter().rev().map(|y| (y.x, y.p10))),
    );
    let ticks = scale
        .ticks()
        .into_iter()
        .map(|value| Tick {
            value,
            y: scale.at(value),
            label_y: scale.at(value) + 4.0,
        })
        .collect();
    FanChart {
        frame: ChartFrame {
            width,
            height: HEIGHT,
            plot_left: LEFT,
            plot_right: width - RIGHT,
            tick_label_x: LEFT - 8.0,
            zero_y: scale.at(Decimal::ZERO),
            label_y: HEIGHT - BOTTOM / 2.0 + 5.0,
            ticks,
        },
        band,
        median: line(|y| y.p50),
        own: line(|y| y.own),
        guideline: line(|y| y.guideline),
        floor_y: (!report.floor.is_zero()).then(|| scale.at(report.floor)),
        years,
    }
}
