/** Whether proposing a project to one plant tells one of its confidential answers (the office never sees it then). Pure. */
import type { Scope } from './expression/evaluate.js';
import { judge } from './expression/kleene.js';
import type { Node } from './expression/parse.js';
import type { CompiledRule, CompiledVariant, RuleSet } from './rules-def.js';

/**
 * Whether proposing the project to this plant, in this version, tells a confidential answer: its rule says so, or a
 * condition that decided it (whether it applies, is in place, leads, was asked for; the versions looked at before
 * this one, and this one) reads a confidential answer and the plant's other answers do not decide it. A GMP
 * data-integrity project in place only when data rules, access control and backups are all in order tells nothing of
 * the last two for a plant whose data rules are not: the office sees the project, without the statements that rest
 * on confidential answers (its office view).
 */
export function tellsSecret(rule: CompiledRule, variant: CompiledVariant | undefined, scope: Scope, open: RuleSet['open']): boolean {
  if (rule.def.confidential) return true;
  const tells = (node: Node) => judge(node, scope, open) === 'unknown';
  for (const node of rule.secretConditions) if (tells(node)) return true;
  for (const v of rule.variants) {
    if (v.confidential && tells(v.when)) return true;
    if (v === variant) break;
  }
  return false;
}
