//! Native timing of the risk analysis (`cargo bench --bench risk`): a run
//! of 10 000 draws over 2025–2030 for the presidium's proposal with 2.5 %
//! growth (the budget: under 200 ms natively), the same run in the
//! chunks of 1 000 draws a worker would take, and the drivers (the
//! tornado chart, exact, no draws).
//!
//! A plain harness (no extra crate), like `benches/engine.rs`: it prints
//! the median and 95th percentile of each; nothing here asserts a time.

use budgetsimulatorn::core::plan::plan;
use budgetsimulatorn::core::risk::{draw_closings, drivers, simulate, summarize, RiskInputs};
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::fragment;
use rust_decimal::Decimal;
use std::hint::black_box;
use std::time::Instant;

/// Median and 95th percentile, ms.
fn report(label: &str, mut samples: Vec<f64>) {
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize] * 1e3;
    println!(
        "risk: {label}: p50 {:.1} ms, p95 {:.1} ms ({} runs)",
        at(0.5),
        at(0.95),
        samples.len()
    );
}

fn main() {
    let data = sfv();
    let (scenario, ignored) = fragment::parse(&data, "f2026=80&f2027=80&till=2030&growth=2.5");
    assert!(ignored.is_empty());
    let plan = plan(&data, &scenario);
    let years: Vec<u16> = plan.years.iter().map(|y| y.year).collect();
    let rounds = 30;

    // Another seed each round, so no run is the one before.
    let inputs =
        |round: u64| RiskInputs::new(Decimal::new(15, 1), Decimal::ONE, 10_000, round + 1).unwrap();
    let whole = (0..rounds)
        .map(|round| {
            let start = Instant::now();
            black_box(simulate(black_box(&data), black_box(&plan), &inputs(round)));
            start.elapsed().as_secs_f64()
        })
        .collect();
    report("10 000 draws 2025–2030, one run", whole);

    let chunked = (0..rounds)
        .map(|round| {
            let i = inputs(round);
            let start = Instant::now();
            let chunks: Vec<_> = (0..10)
                .map(|c| draw_closings(&data, &plan, &i, c * 1_000..(c + 1) * 1_000))
                .collect();
            black_box(summarize(&years, &chunks, 10_000).unwrap());
            start.elapsed().as_secs_f64()
        })
        .collect();
    report("10 000 draws 2025–2030, ten chunks of 1 000", chunked);

    let tornado = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            black_box(drivers(black_box(&data), black_box(&scenario)));
            start.elapsed().as_secs_f64()
        })
        .collect();
    report("drivers 2025–2030", tornado);
}
