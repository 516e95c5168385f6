/**
 * A sector written in words, not as a GB/T 4754 code, or as a code of no division, said in the interview: validate's rule and message
 * (sectorNeedsWarning, sectorWarning in src/core/sector.ts), the field named as its prompt names it. Said under the
 * sector's record line and again with the warnings at the end of the interview.
 */
import { sectorNeedsWarning, sectorWarning, type CompiledSectorPack } from '../../core/sector.js';
import type { Lang } from '../../core/types.js';
import { formatMessage } from '../../messages/catalogue.js';

/** The warning, or undefined for a code or no sector; the sector packs are read only for a sector in words. */
export async function sectorWarningText(sector: string | undefined, packs: () => Promise<readonly CompiledSectorPack[]>, lang: Lang): Promise<string | undefined> {
  if (!sectorNeedsWarning(sector)) return undefined;
  const w = sectorWarning(await packs(), sector!);
  return formatMessage(w.code, { ...w.args, field: formatMessage('iv.sector-field', {}, lang) }, lang);
}
