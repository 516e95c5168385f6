import { evaluate, truthy, type Scope } from './evaluate.js';
import type { Node } from './parse.js';

/** A condition's value when some answers it reads are not known: true, false, or 'unknown'. */
export type Tri = boolean | 'unknown';

/**
 * A condition in three values (Kleene): `and`, `or` and `not` combine their parts; any other part (a comparison, a
 * call, `in`…) is 'unknown' when `known` says it reads something not known, else its value.
 */
export function judge(node: Node, scope: Scope, know: { known(node: Node): boolean }): Tri {
  if (node.t === 'bin' && (node.op === 'and' || node.op === 'or')) {
    const left = judge(node.left, scope, know);
    const decisive = node.op === 'or';
    if (left === decisive) return decisive;
    const right = judge(node.right, scope, know);
    if (right === decisive) return decisive;
    return left === 'unknown' || right === 'unknown' ? 'unknown' : !decisive;
  }
  if (node.t === 'un' && node.op === 'not') {
    const inner = judge(node.arg, scope, know);
    return inner === 'unknown' ? 'unknown' : !inner;
  }
  return know.known(node) ? truthy(evaluate(node, scope)) : 'unknown';
}
