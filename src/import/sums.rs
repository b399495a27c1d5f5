//! The sums check of a budget file, and its guess of the signs.
//!
//! A sum row is compared with what it may sum, in the file's own figures
//! (before the unit or the signs are chosen, since both are linear): the
//! lines of its group (since the previous heading or sum row), the groups
//! before it together (`Summa direkta insatskostnader` after the individ
//! and structural groups), all lines (`Summa kostnader`), all lines with the
//! revenue (an interim report's net `SUMMA`, where costs are negative), the
//! revenue alone (`Summa intäkter`), or nothing (a group without lines). It
//! adds up when any reading matches every figure it states; otherwise the
//! differences are reported against the reading its name suggests (a total
//! against all lines, or with the revenue when costs are negative; another
//! sum against its group), and never applied.

use super::preview::{FileLine, FileRow, Preview};
use super::words::SumOf;
use rust_decimal::Decimal;
use std::ops::Range;

/// Per-column totals.
type Totals = Vec<Option<Decimal>>;

/// What a sum row is compared with.
pub struct Check<'a> {
    pub lines: &'a [FileLine],
    /// The sum row's own group (may be empty).
    pub group: Range<usize>,
    /// The groups before it, in order.
    pub groups: &'a [Range<usize>],
    pub revenue: Option<&'a FileRow>,
}

impl Check<'_> {
    fn columns(&self) -> usize {
        self.lines.first().map_or(0, |l| l.amounts.len())
    }

    fn totals(&self, range: Range<usize>) -> Totals {
        let lines = &self.lines[range];
        (0..self.columns())
            .map(|c| Some(lines.iter().map(|l| l.amounts[c]).sum()))
            .collect()
    }

    /// All lines with the revenue.
    fn net(&self) -> Option<Totals> {
        let revenue = self.revenue?;
        let all = self.totals(0..self.group.end);
        let net = all.iter().zip(&revenue.figures);
        Some(
            net.map(|(a, r)| Some(a.unwrap_or_default() + r.unwrap_or_default()))
                .collect(),
        )
    }

    /// The differences (column, stated, computed) of a sum row's figures;
    /// empty when it adds up.
    pub fn differences(
        &self,
        of: SumOf,
        figures: &[Option<Decimal>],
    ) -> Vec<(usize, Decimal, Decimal)> {
        let end = self.group.end;
        let mut readings: Vec<Totals> = std::iter::once(self.group.clone())
            .chain(self.groups.iter().rev().map(|g| g.start..end))
            .chain(std::iter::once(0..end))
            .filter(|r| !r.is_empty())
            .map(|r| self.totals(r))
            .collect();
        readings.extend(self.net());
        readings.extend(self.revenue.map(|r| r.figures.clone()));
        readings.push(vec![Some(Decimal::ZERO); figures.len()]);
        let adds_up = |reading: &Totals| {
            let pairs = figures.iter().zip(reading);
            pairs
                .into_iter()
                .all(|(stated, sum)| stated.is_none() || stated == sum)
        };
        if readings.iter().any(adds_up) {
            return Vec::new();
        }
        let negative = mostly_negative(&self.lines[..end]);
        let primary = match of {
            SumOf::Total if negative && self.revenue.is_some() => self.net().unwrap_or_default(),
            SumOf::Total => self.totals(0..end),
            _ if !self.group.is_empty() => self.totals(self.group.clone()),
            _ => self.totals(0..end),
        };
        figures
            .iter()
            .zip(primary)
            .enumerate()
            .filter_map(|(c, (stated, computed))| match (stated, computed) {
                (Some(s), Some(t)) if *s != t => Some((c, *s, t)),
                _ => None,
            })
            .collect()
    }
}

/// (negative, positive) among non-zero figures.
fn signs<'a>(figures: impl Iterator<Item = &'a Decimal>) -> (usize, usize) {
    figures.filter(|a| !a.is_zero()).fold((0, 0), |(n, p), a| {
        if a.is_sign_negative() {
            (n + 1, p)
        } else {
            (n, p + 1)
        }
    })
}

fn mostly_negative(lines: &[FileLine]) -> bool {
    let (negative, positive) = signs(lines.iter().flat_map(|l| &l.amounts));
    negative > positive
}

/// Whether costs look written as negative numbers: most line figures are
/// negative, and the revenue (if any) is not mostly negative too.
pub fn negative_costs(preview: &Preview) -> bool {
    let revenue_positive = preview.revenue.as_ref().is_none_or(|r| {
        let (negative, positive) = signs(r.figures.iter().flatten());
        positive >= negative
    });
    mostly_negative(&preview.lines) && revenue_positive
}
