import type { Node } from './parse.js';

/** Plain values only: expressions never see objects, so nothing can reach a prototype. */
export type Value = number | string | boolean | null | Value[];

export interface FunctionSpec {
  min: number;
  max: number;
  /** When set, the first argument must be a string literal naming one of these ids (checked at load time). */
  literalArg?: 'subdomain' | 'indicator' | 'section' | 'question';
  fn: (args: Value[]) => Value;
}

export interface Scope {
  /** Variable lookup; return undefined for an unknown name (evaluates to null). */
  get(name: string): Value | undefined;
  functions: ReadonlyMap<string, FunctionSpec>;
}

const isNum = (v: Value): v is number => typeof v === 'number' && Number.isFinite(v);

export function truthy(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && v !== false && v !== 0 && v !== '';
}

function equal(a: Value, b: Value): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => equal(x, b[i]!));
  }
  return a === b;
}

export function evaluate(node: Node, scope: Scope): Value {
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'list':
      return node.items.map((n) => evaluate(n, scope));
    case 'id': {
      const v = scope.get(node.name);
      return v === undefined ? null : v;
    }
    case 'call': {
      const spec = scope.functions.get(node.name);
      if (!spec) return null;
      return spec.fn(node.args.map((a) => evaluate(a, scope)));
    }
    case 'un': {
      const v = evaluate(node.arg, scope);
      if (node.op === 'not') return !truthy(v);
      return isNum(v) ? -v : null;
    }
    case 'bin':
      return binary(node, scope);
  }
}

function binary(node: Extract<Node, { t: 'bin' }>, scope: Scope): Value {
  if (node.op === 'and') return truthy(evaluate(node.left, scope)) ? truthy(evaluate(node.right, scope)) : false;
  if (node.op === 'or') return truthy(evaluate(node.left, scope)) ? true : truthy(evaluate(node.right, scope));
  const a = evaluate(node.left, scope);
  const b = evaluate(node.right, scope);
  switch (node.op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case 'in':
      return Array.isArray(b) ? b.some((x) => equal(x, a)) : false;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(node.op, a, b);
  }
  if (!isNum(a) || !isNum(b)) return null;
  switch (node.op) {
    case '+':
      return finite(a + b);
    case '-':
      return finite(a - b);
    case '*':
      return finite(a * b);
    case '/':
      return b === 0 ? null : finite(a / b);
  }
}

function compare(op: '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean {
  const comparable = (isNum(a) && isNum(b)) || (typeof a === 'string' && typeof b === 'string');
  if (!comparable) return false;
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

const list = (v: Value): Value[] => (Array.isArray(v) ? v : []);

/** Functions available in every definition expression. */
export const BASE_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['contains', { min: 2, max: 2, fn: ([l, v]) => list(l!).some((x) => equal(x, v!)) }],
  ['count', { min: 1, max: 1, fn: ([l]) => (Array.isArray(l) ? l.length : l === null ? 0 : 1) }],
  ['min', { min: 1, max: 8, fn: (xs) => (xs.every(isNum) ? Math.min(...(xs as number[])) : null) }],
  ['max', { min: 1, max: 8, fn: (xs) => (xs.every(isNum) ? Math.max(...(xs as number[])) : null) }],
]);
