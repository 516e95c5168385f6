/**
 * The duties (legal and compliance musts of the sector packs) that bind one plant, and how each stands for it
 * (recommend.ts). Pure.
 */
import { evaluate, truthy, type Scope } from './expression/evaluate.js';
import type { Duty } from './roadmap.js';
import { codeUnder, type CompiledMust, type CompiledSectorPack } from './sector.js';

/**
 * The duties that may bind a plant: its pack's own, for its code (`appliesTo`), and the cross-sector duties
 * (`allSectors`) of every pack loaded. Whether each applies (`appliesIf`) is the caller's to evaluate.
 */
export function dutiesOf(pack: CompiledSectorPack | undefined, packs: readonly CompiledSectorPack[], code: string): CompiledMust[] {
  const own = (pack?.musts ?? []).filter((m) => !m.def.allSectors && (!m.def.appliesTo?.length || codeUnder(code, m.def.appliesTo)));
  const shared = crossSectorDuties(packs);
  return shared.length ? [...own, ...shared] : own;
}

/** The cross-sector duties of the packs loaded, found once per list of packs (the batch asks for every plant). */
const crossSector = new WeakMap<readonly CompiledSectorPack[], readonly CompiledMust[]>();
function crossSectorDuties(packs: readonly CompiledSectorPack[]): readonly CompiledMust[] {
  let found = crossSector.get(packs);
  if (!found) crossSector.set(packs, (found = packs.flatMap((p) => p.musts.filter((m) => m.def.allSectors))));
  return found;
}

/**
 * How a duty that applies stands for the plant: met; else mostly met (still open: its projects keep their duty
 * bonus, and it is said so, but what it precedes does not wait for it); else shown not met (`notMetWhen`); else the
 * answers cannot tell.
 */
export function dutyStatus(m: CompiledMust, scope: Scope): Duty {
  const met = m.metWhen ? truthy(evaluate(m.metWhen, scope)) : false;
  const mostly = !met && m.mostlyWhen ? truthy(evaluate(m.mostlyWhen, scope)) : false;
  const notMet = !met && !mostly && m.notMetWhen ? truthy(evaluate(m.notMetWhen, scope)) : false;
  return { def: m.def, met, ...(mostly ? { mostly: true } : {}), ...(notMet ? { notMet: true } : {}), ...(m.confidential ? { confidential: true } : {}) };
}
