import { compareResults, plantLabel, type Comparison } from '../core/compare.js';
import { KPI_IDS } from '../core/targets.js';
import { InputError, diag, type Diagnostic } from '../core/diagnostics.js';
import type { Text } from '../core/types.js';
import type { Definitions } from '../io/definitions.js';
import { loadPlant, type Plant } from './plant.js';
import { scorePlant, scoringSetup, type ScoringRequest } from './score.js';

/** The questionnaire's unit for each KPI question (used when kpis.units does not name one). */
function questionUnits(...plants: Plant[]): Partial<Record<string, Text>> {
  const out: Partial<Record<string, Text>> = {};
  for (const id of KPI_IDS) {
    for (const p of plants) {
      const unit = p.questionnaire.byId.get(id)?.unit;
      if (unit) {
        out[id] = unit;
        break;
      }
    }
  }
  return out;
}

/** `zhizao compare`: progress of one plant between two assessments. */
export async function comparePlants(
  defs: Definitions,
  baselineFile: string,
  followupFile: string,
  req: ScoringRequest & { questionnaire?: string | undefined; differentPlants?: boolean | undefined },
): Promise<{ comparison: Comparison; warnings: Diagnostic[] }> {
  const baseline = await loadPlant(defs, [baselineFile], { questionnaire: req.questionnaire, command: 'compare' });
  const followup = await loadPlant(defs, [followupFile], { questionnaire: req.questionnaire, command: 'compare' });
  const bResult = await scorePlant(defs, baseline.plant, req);
  const fResult = await scorePlant(defs, followup.plant, req);
  const { targets } = await scoringSetup(defs, followup.plant.questionnaire, req);
  const comparison = compareResults(bResult, fResult, baseline.plant.answers, followup.plant.answers, targets, {
    baselineName: baseline.plant.file,
    followupName: followup.plant.file,
    defaultUnits: questionUnits(followup.plant, baseline.plant),
  });
  // Progress is one plant's: two plants' files compare only when asked for (and then without KPI gains, which would
  // read as one plant's improvement).
  if (!comparison.samePlant && !req.differentPlants) {
    throw new InputError([diag('compare.different-plants-refused', followup.plant.file, { line: 1, column: 1 }, { baseline: plantLabel(comparison.baseline), followup: plantLabel(comparison.followup), file: baseline.plant.file })]);
  }
  return { comparison, warnings: [...baseline.warnings, ...followup.warnings] };
}
