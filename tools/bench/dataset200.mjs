// A data set of 200 budget lines over ten plan years (2025–2034), for the
// benchmark's largest latency case. Built from SFV's own data set
// (src/data/sfv.json): the same columns (budget 2024, budget 2025, outcome
// to date 2025, prognosis 2025), revenue, equity, members and sources, and
// per column the same category totals, spread over more lines:
//
//   admin 10 lines, team lines 30, other individ lines 80, struktur 80.
//
// Each group's SFV total per column is split by fixed weights into whole
// kronor (floors, the kronor left over to the group's first line), so the
// data set's costs per column equal SFV's to the krona: the 2025 result
// (prognosis basis) is SFV's −9 073 kr, which `check` below asserts. The
// 30 teams serve SFV's municipalities in turn and have staffing figures.
//
// The page reads it in the export format as the deployer's default
// (dataunderlag.json beside index.html). Its checks (spec section 10,
// src/core/validate.rs) are mirrored in `check` so a bad file fails here,
// with a reason, rather than silently falling back to SFV in the page.
import { readFileSync } from 'node:fs';

const SFV = new URL('../../src/data/sfv.json', import.meta.url);

const GROUPS = [
  { key: 'admin', count: 10, category: 'admin', team: false, name: 'Administration' },
  { key: 'team', count: 30, category: 'individ', team: true, name: 'Samordningsteam' },
  { key: 'individ', count: 80, category: 'individ', team: false, name: 'Individinsats' },
  { key: 'struktur', count: 80, category: 'struktur', team: false, name: 'Strukturinsats' },
];

const groupOf = (line) => (line.category === 'individ' ? (line.team ? 'team' : 'individ') : line.category);

/** Splits `total` (whole kronor) by `weights` into whole kronor summing to it. */
function split(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[0] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export function dataset200() {
  const sfv = JSON.parse(readFileSync(SFV, 'utf8'));
  const columns = sfv.columns.length;
  const totals = Object.fromEntries(GROUPS.map((g) => [g.key, new Array(columns).fill(0)]));
  for (const line of sfv.lines) line.amounts.forEach((a, c) => (totals[groupOf(line)][c] += a));
  const municipalities = sfv.members.list.filter((m) => m.key_weight !== undefined).map((m) => m.id);
  const lines = [];
  const teams = [];
  for (const g of GROUPS) {
    // Weights 1…11 in a fixed shuffle, so lines differ in size.
    const weights = Array.from({ length: g.count }, (_, j) => 1 + ((j * 37 + 5) % 11));
    const perColumn = totals[g.key].map((t) => split(t, weights));
    for (let j = 0; j < g.count; j++) {
      const id = `${g.key}_${String(j + 1).padStart(3, '0')}`;
      lines.push({
        id,
        name: `${g.name} ${j + 1}`,
        category: g.category,
        team: g.team,
        amounts: perColumn.map((parts) => parts[j]),
        source: 'Provdata för prestandamätningen',
      });
      if (g.team) {
        const served = [municipalities[j % municipalities.length]];
        if (j % 3 === 0) served.push(municipalities[(j + 1) % municipalities.length]);
        teams.push({
          line: id,
          serves: served,
          fte: String((10 + (j % 40)) / 10),
          participants: [10 + (j % 20), 15 + (j % 20)],
          source: 'Provdata',
        });
      }
    }
  }
  const data = {
    ...sfv,
    id: 'prov-200-rader',
    name: 'Provdata: 200 rader, 2025–2034',
    organisation: 'Provförbundet (prestandamätning)',
    plan_end: sfv.first_plan_year + 9,
    lines,
    teams,
    unallocated_line: 'struktur_080',
  };
  check(data);
  return data;
}

/** The export file the page reads as its default data set. */
export function exportFile(data) {
  return JSON.stringify({ format: 'budgetsimulatorn-dataunderlag', version: 1, datasets: [{ dataset: data }] });
}

/** The section-10 checks this generator could break, with a reason each. */
export function check(d) {
  const fail = (why) => {
    throw new Error(`dataset200: ${why}`);
  };
  const isId = (s) => typeof s === 'string' && /^[a-z0-9_-]{1,40}$/.test(s);
  if (!isId(d.id)) fail(`bad data-set id ${d.id}`);
  if (d.lines.length !== 200) fail(`${d.lines.length} lines, not 200`);
  if (d.plan_end !== d.first_plan_year + 9) fail('plan_end is not first_plan_year + 9');
  const seen = new Set();
  for (const [i, l] of d.lines.entries()) {
    if (!isId(l.id)) fail(`line ${i}: bad id ${l.id}`);
    if (seen.has(l.id)) fail(`line ${i}: duplicate id ${l.id}`);
    seen.add(l.id);
    if (!['admin', 'individ', 'struktur'].includes(l.category)) fail(`line ${l.id}: category ${l.category}`);
    if (l.team && l.category !== 'individ') fail(`line ${l.id}: a team that is not individ`);
    if (l.amounts.length !== d.columns.length) fail(`line ${l.id}: ${l.amounts.length} amounts for ${d.columns.length} columns`);
    for (const a of l.amounts) {
      if (!Number.isSafeInteger(a) || Math.abs(a) > 1e12) fail(`line ${l.id}: amount ${a} is not whole kronor`);
      if (l.team && a < 0) fail(`line ${l.id}: negative team cost`);
    }
  }
  const municipalities = new Set(d.members.list.filter((m) => m.key_weight !== undefined).map((m) => m.id));
  for (const t of d.teams) {
    if (!d.lines.some((l) => l.id === t.line && l.team)) fail(`team ${t.line} is not a team line`);
    for (const m of t.serves) if (!municipalities.has(m)) fail(`team ${t.line} serves ${m}, not a municipality`);
    if (!/^\d+(\.\d)?$/.test(t.fte)) fail(`team ${t.line}: FTE ${t.fte}`);
    if (t.participants[0] > t.participants[1]) fail(`team ${t.line}: participants low above high`);
  }
  if (!d.lines.some((l) => l.id === d.unallocated_line && l.category === 'struktur')) fail('unallocated_line');
  // Costs per column equal SFV's, so the 2025 result on the prognosis basis is SFV's −9 073 kr.
  const prognosis = d.columns.findIndex((c) => c.kind === 'prognosis' && c.year === d.first_plan_year);
  const costs = d.lines.reduce((s, l) => s + l.amounts[prognosis], 0);
  if (d.revenue[prognosis] - costs !== -9073) fail(`2025 result ${d.revenue[prognosis] - costs}, not −9 073`);
}
