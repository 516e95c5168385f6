/**
 * The duties (legal and compliance musts of the sector packs) that bind one plant, and how each stands for it
 * (recommend.ts). Pure.
 */
import type { Answers } from './answers.js';
import { evaluate, truthy, type Scope } from './expression/evaluate.js';
import type { Duty } from './roadmap.js';
import { holdsUnlessUnknown, unknownsRead } from './unknown-answers.js';
import { codeUnder, type CompiledMust, type CompiledSectorPack } from './sector.js';

/**
 * The duties that may bind a plant: its pack's own, for its code (`appliesTo`), and the cross-sector duties
 * (`allSectors`) of every pack loaded. Whether each applies (`appliesIf`) is `plantDuties`'s to decide.
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
 * answers cannot tell, with what they do show of it.
 */
export function dutyStatus(m: CompiledMust, scope: Scope, answers?: Answers): Duty {
  const met = m.metWhen ? truthy(evaluate(m.metWhen, scope)) : false;
  const mostly = !met && m.mostlyWhen ? truthy(evaluate(m.mostlyWhen, scope)) : false;
  const notMet = !met && !mostly && m.notMetWhen ? truthy(evaluate(m.notMetWhen, scope)) : false;
  // what the answers show of a duty they cannot tell (its `shown` statements that hold)
  const open = !met && !mostly && !notMet;
  const shown = open && m.shown ? m.shown.filter((item) => truthy(evaluate(item.if, scope))).map((item) => item.text) : [];
  // not told: the questions its status reads that the plant answered 不清楚, so the line says why it cannot tell
  const unknown = open && answers ? [...new Set([m.metWhen, m.mostlyWhen, m.notMetWhen].flatMap((node) => (node ? unknownsRead(node, answers) : [])))] : [];
  // the projects that settle it at this plant: those of `fulfilledBy` whose condition (`fulfilledByWhen`) holds
  const when = m.fulfilledByWhen;
  const fulfilledBy = when ? (m.def.fulfilledBy ?? []).filter((id) => !when.has(id) || truthy(evaluate(when.get(id)!, scope))) : undefined;
  return {
    def: m.def,
    ...(fulfilledBy ? { fulfilledBy } : {}),
    met,
    ...(mostly ? { mostly: true } : {}),
    ...(notMet ? { notMet: true } : {}),
    ...(shown.length ? { shown } : {}),
    ...(unknown.length ? { unknown } : {}),
    ...(m.confidential ? { confidential: true } : {}),
  };
}

/**
 * The duties that bind the plant, each with how it stands: those whose `appliesIf` holds, and those it would hold for
 * but for a question answered 不清楚 (`unsure`: whether it applies is checked first; it holds back no project).
 */
export function plantDuties(musts: readonly CompiledMust[], scope: Scope, answers: Answers): Duty[] {
  const out: Duty[] = [];
  for (const m of musts) {
    const applies = m.appliesIf ? holdsUnlessUnknown(m.appliesIf, scope, answers) : true;
    if (applies === true) out.push(dutyStatus(m, scope, answers));
    else if (applies === 'unknown') out.push({ ...dutyStatus(m, scope, answers), met: false, unsure: unknownsRead(m.appliesIf!, answers) });
  }
  return out;
}
