/** What a batch writes: the output format from the file name, and the summary's layout from the definitions. */
import path from 'node:path';
import type { LayoutIndicator, SummaryLayout } from '../../core/batch/aggregate.js';
import { EQUIPMENT_FACTS } from '../../core/batch/plan.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import { KPI_IDS, type TargetsDef } from '../../core/targets.js';
import { DEFAULTS } from '../../io/definitions.js';
import { UsageError } from '../errors.js';
import type { OutputFormat } from './output.js';

export function batchOutputFormat(file: string): OutputFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new UsageError('cli.batch-output-extension', { output: file });
}

/** The question ids of a ratio formula `a / b`. */
const RATIO = /^\s*([a-z][a-z0-9_]*)\s*\/\s*([a-z][a-z0-9_]*)\s*$/;

/** What the summary needs from the questionnaire and the target profile (plain data: it crosses to the workers). */
export function summaryLayout(q: Questionnaire, targets: TargetsDef, opts: { plan: boolean }): SummaryLayout {
  return {
    sections: q.def.sections.map((s) => ({ id: s.id, title: s.title })),
    indicators: q.indicators.map(({ def }): LayoutIndicator => {
      const t = targets.targets.find((x) => x.indicator === def.id);
      const ratio = RATIO.exec(def.formula);
      return {
        id: def.id,
        kind: def.kind,
        title: def.title,
        ...(t ? { target: { comparison: t.comparison, value: t.value, year: t.year, population: t.population, source: t.source } } : {}),
        population: def.regionalPopulation ?? 'all',
        ...(ratio && q.byId.has(ratio[1]!) && q.byId.has(ratio[2]!) ? { ratio: [ratio[1]!, ratio[2]!] as [string, string] } : {}),
      };
    }),
    ...(opts.plan
      ? {
          facts: [...KPI_IDS, ...EQUIPMENT_FACTS].filter((id) => q.byId.has(id)),
          ...(q.def.id === DEFAULTS.questionnaire ? { readiness: [...DEFAULTS.readiness] } : {}),
        }
      : {}),
  };
}
