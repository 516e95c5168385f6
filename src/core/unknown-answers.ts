/**
 * Conditions over a plant's answers where some answer is 不清楚: what they read that the plant does not know, and
 * whether they hold, fail, or hang on those answers (Kleene). Pure.
 */
import type { Answers } from './answers.js';
import { truthy, evaluate, type Scope } from './expression/evaluate.js';
import { judge, type Tri } from './expression/kleene.js';
import { collectRefs, type Node } from './expression/parse.js';

/** The questions a condition reads that the plant answered 不清楚, in the order it reads them. */
export function unknownsRead(node: Node, answers: Answers): string[] {
  const refs = collectRefs(node);
  const ids = [...refs.ids.map((x) => x.name), ...refs.calls.flatMap((c) => (c.args[0]?.t === 'lit' && typeof c.args[0].v === 'string' ? [c.args[0].v] : []))];
  return [...new Set(ids.filter((id) => answers.resolved.get(id)?.status === 'unknown'))];
}

/** true or false as the answers decide it; 'unknown' when it is false only for want of an answer given as 不清楚. */
export function holdsUnlessUnknown(node: Node, scope: Scope, answers: Answers): Tri {
  if (truthy(evaluate(node, scope))) return true;
  if (!unknownsRead(node, answers).length) return false;
  return judge(node, scope, { known: (part) => unknownsRead(part, answers).length === 0 });
}
