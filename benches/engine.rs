//! Native timing of the engine (`cargo bench --bench engine`): one full
//! projection of SFV's own period (reference year and 2025–2027) and of a
//! ten-year period (to 2034), each over a spread of scenarios as a slider
//! drag would make them.
//!
//! A plain harness (no extra crate): it prints the median and 95th
//! percentile per projection. The figures go in the README; nothing here
//! asserts a time.

use budgetsimulatorn::core::{project, Field, Scenario};
use budgetsimulatorn::state::builtin::sfv;
use rust_decimal::Decimal;
use std::hint::black_box;
use std::time::Instant;

fn time(label: &str, till: Option<u16>) {
    let data = sfv();
    let mut scenario = Scenario::default();
    scenario.set_till(&data, till);
    let (rounds, per_round) = (200, 200);
    let mut samples = Vec::with_capacity(rounds);
    for round in 0..rounds {
        // A different funding level and share each round, as a slider drag would.
        let level = Decimal::from(60 + (round % 40) as i64);
        let share = Decimal::from(55 + (round % 30) as i64);
        scenario
            .set(&data, &Field::Funding(2026), Some(level))
            .unwrap();
        scenario
            .set(&data, &Field::IndividShare(2027), Some(share))
            .unwrap();
        let start = Instant::now();
        for _ in 0..per_round {
            black_box(project(black_box(&data), black_box(&scenario)));
        }
        samples.push(start.elapsed().as_secs_f64() / per_round as f64);
    }
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize] * 1e6;
    println!(
        "engine: {label}: p50 {:.1} µs, p95 {:.1} µs ({rounds} × {per_round} runs)",
        at(0.5),
        at(0.95)
    );
}

fn main() {
    time("one projection 2024–2027", None);
    time("one ten-year projection 2024–2034", Some(2034));
}
