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
export type KpiId = 'kpi_output_per_worker' | 'kpi_operating_cost' | 'kpi_development_cycle_days' | 'kpi_defect_rate' | 'kpi_energy_per_output';
export const KPI_IDS: readonly KpiId[] = ['kpi_output_per_worker', 'kpi_operating_cost', 'kpi_development_cycle_days', 'kpi_defect_rate', 'kpi_energy_per_output'];
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
  kpis?: KpiTargetDef[];
  /** What `compare` measures the outcome KPIs against, in plain words (absent: no KPI targets in this profile). */
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
  (def.kpis ?? []).forEach((k, i) => {
    if ((k.direction === 'up') !== k.change > 0)
      ds.push(diag('schema.other', source.file, source.locate(['kpis', i, 'change']), { where: `kpis.${i}.change`, detail: 'sign of change must match direction (up > 0, down < 0)' }));
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
