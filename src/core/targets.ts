import { diag, type Diagnostic } from './diagnostics.js';
import type { Source } from './source.js';
import type { Text } from './types.js';

export type Comparison = '>' | '>=' | '<' | '<=';
export interface TargetDef {
  indicator: string;
  comparison: Comparison;
  value: number;
  year: number;
  population: Text;
  source: string;
  note?: Text;
}
/**
 * A target whose year is before the year of the assessment (a plant's, or the first submission of a batch) is
 * historical: its period has ended, and it is shown as a reference only. Unknown years: not historical.
 */
export const isHistoricalTarget = (targetYear: number | null | undefined, assessedYear: number | null | undefined): boolean =>
  targetYear !== null && targetYear !== undefined && assessedYear !== null && assessedYear !== undefined && targetYear < assessedYear;
/** The outcome-KPI questions of an answer file (`kpis.units` keys); their names and directions are target-profile data. */
export type KpiId = 'kpi_output_per_worker' | 'kpi_operating_cost' | 'kpi_development_cycle_days' | 'kpi_defect_rate' | 'kpi_energy_per_output';
export const KPI_IDS: readonly KpiId[] = ['kpi_output_per_worker', 'kpi_operating_cost', 'kpi_development_cycle_days', 'kpi_defect_rate', 'kpi_energy_per_output'];
/** An outcome KPI that `compare` reports: its name and which way it improves. */
export interface OutcomeKpiDef {
  kpi: KpiId;
  name: Text;
  direction: 'up' | 'down';
}
/** An improvement target for an outcome KPI (a relative change, signed). */
export interface KpiTargetDef {
  kpi: KpiId;
  direction: 'up' | 'down';
  change: number;
  title?: Text;
  note?: Text;
  source: string;
}
export interface TargetsDef {
  kind: 'targets';
  id: string;
  title: Text;
  description?: Text;
  source: string;
  targets: TargetDef[];
  /** The outcome KPIs `compare` reports, in order (absent: compare lists none). */
  outcomes?: OutcomeKpiDef[];
  /** Improvement targets for outcome KPIs; each names one of `outcomes`, with the same direction. */
  kpis?: KpiTargetDef[];
  /** What `compare` measures the outcome KPIs against, in plain words; used only when `kpis` sets targets. */
  compareBasis?: Text;
}

export function compileTargets(source: Source, indicatorIds?: ReadonlySet<string>): { targets?: TargetsDef; diagnostics: Diagnostic[] } {
  const def = source.data as TargetsDef;
  const ds: Diagnostic[] = [];
  const seen = new Set<string>();
  def.targets.forEach((t, i) => {
    if (seen.has(t.indicator)) ds.push(diag('def.duplicate-id', source.file, source.locate(['targets', i, 'indicator']), { id: t.indicator, what: 'target' }));
    seen.add(t.indicator);
    if (indicatorIds && !indicatorIds.has(t.indicator))
      ds.push(diag('def.unknown-ref', source.file, source.locate(['targets', i, 'indicator']), { what: 'indicator', id: t.indicator }));
  });
  const outcomes = new Map<string, OutcomeKpiDef>();
  (def.outcomes ?? []).forEach((o, i) => {
    if (outcomes.has(o.kpi)) ds.push(diag('def.duplicate-id', source.file, source.locate(['outcomes', i, 'kpi']), { id: o.kpi, what: 'outcome KPI' }));
    outcomes.set(o.kpi, o);
  });
  (def.kpis ?? []).forEach((k, i) => {
    if ((k.direction === 'up') !== k.change > 0)
      ds.push(diag('schema.other', source.file, source.locate(['kpis', i, 'change']), { where: `kpis.${i}.change`, detail: 'sign of change must match direction (up > 0, down < 0)' }));
    const outcome = outcomes.get(k.kpi);
    if (!outcome) ds.push(diag('def.unknown-ref', source.file, source.locate(['kpis', i, 'kpi']), { what: 'outcome KPI (outcomes)', id: k.kpi }));
    else if (outcome.direction !== k.direction)
      ds.push(diag('schema.other', source.file, source.locate(['kpis', i, 'direction']), { where: `kpis.${i}.direction`, detail: `must be the direction of ${k.kpi} in outcomes (${outcome.direction})` }));
  });
  return ds.length ? { diagnostics: ds } : { targets: def, diagnostics: ds };
}

/** Compare an unrounded value with a target. */
export function meets(value: number, comparison: Comparison, target: number): boolean {
  switch (comparison) {
    case '>':
      return value > target;
    case '>=':
      return value >= target;
    case '<':
      return value < target;
    case '<=':
      return value <= target;
  }
}
