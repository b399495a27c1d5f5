//! Native timing of one full 2025–2027 recomputation (`cargo bench --bench engine`).
//!
//! A plain harness (no extra crate): it runs the engine many times over a spread
//! of scenarios and prints the median and 95th percentile per recomputation.
//! The figures go in the README; nothing here asserts a time.

use budgetsimulatorn::model::{project, Dataset, PlanYear, Scenario};
use rust_decimal::Decimal;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let data = Dataset::sfv_default().expect("embedded data");
    let mut scenario = Scenario::defaults(&data);
    let rounds = 200;
    let per_round = 200;
    let mut samples = Vec::with_capacity(rounds);
    for round in 0..rounds {
        // A different funding level and share each round, as a slider drag would.
        scenario.funding[PlanYear::Y2026.index()] = Decimal::from(60 + (round % 40) as i64);
        scenario.individ_share[PlanYear::Y2027.index()] =
            Some(Decimal::from(55 + (round % 30) as i64));
        let start = Instant::now();
        for _ in 0..per_round {
            black_box(project(black_box(&data), black_box(&scenario)));
        }
        samples.push(start.elapsed().as_secs_f64() / per_round as f64);
    }
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize] * 1e6;
    println!(
        "engine: one full 2024–2027 projection: p50 {:.1} µs, p95 {:.1} µs ({} × {} runs)",
        at(0.5),
        at(0.95),
        rounds,
        per_round
    );
}
