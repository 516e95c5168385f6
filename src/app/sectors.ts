import type { Questionnaire } from '../core/questionnaire.js';
import type { CompiledSectorPack } from '../core/sector.js';
import { DEFAULTS, type Definitions } from '../io/definitions.js';

/**
 * The bundled sector packs, when they fit the questionnaire (their conditions name its questions); none otherwise.
 * Apart from the report's use case: `validate` reads them (a sector written in words) without loading the report.
 */
export async function sectorsFor(defs: Definitions, q: Questionnaire): Promise<CompiledSectorPack[]> {
  if (q.def.id !== DEFAULTS.questionnaire) return [];
  return defs.sectorPacks(q);
}
