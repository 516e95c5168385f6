import type { BinOp, Node } from './parse.js';

/** Plain values only: expressions never see objects, so nothing can reach a prototype. */
export type Value = number | string | boolean | null | Value[];

export interface FunctionSpec {
  min: number;
  max: number;
  /** When set, the first argument must be a string literal naming one of these ids (checked at load time). */
  literalArg?: 'subdomain' | 'indicator' | 'section' | 'question' | 'condition';
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

/** An expression turned into nested functions of the scope: the tree is walked once, not at every evaluation. */
type Compiled = (scope: Scope) => Value;

/**
 * Each parsed expression's compiled form, kept on the node under a private symbol (not enumerable: the tree reads
 * and compares as before); definitions are loaded once and evaluated for thousands of plants. A property load, where
 * a WeakMap lookup hashed the node at every evaluation (a plant evaluates a few hundred conditions).
 */
const COMPILED = Symbol('compiled');
type WithCompiled = Node & { [COMPILED]?: Compiled };

export function evaluate(node: Node, scope: Scope): Value {
  const compiled = (node as WithCompiled)[COMPILED] ?? compileOnce(node as WithCompiled);
  return compiled(scope);
}

function compileOnce(node: WithCompiled): Compiled {
  const compiled = compile(node);
  Object.defineProperty(node, COMPILED, { value: compiled, enumerable: false, writable: false, configurable: false });
  return compiled;
}

function compile(node: Node): Compiled {
  switch (node.t) {
    case 'lit': {
      const v = node.v;
      return () => v;
    }
    case 'list': {
      // A list of literals (`sector in ['C34', 'C35']`) is one array for every evaluation: nothing an expression
      // calls changes its arguments.
      if (node.items.every((item) => item.t === 'lit')) {
        const constant = Object.freeze(node.items.map((item) => (item as { v: Value }).v)) as Value[];
        return () => constant;
      }
      const items = node.items.map(compile);
      return (scope) => items.map((item) => item(scope));
    }
    case 'id': {
      const name = node.name;
      return (scope) => {
        const v = scope.get(name);
        return v === undefined ? null : v;
      };
    }
    case 'call': {
      const name = node.name;
      const args = node.args.map(compile);
      return (scope) => {
        const spec = scope.functions.get(name);
        if (!spec) return null;
        const values: Value[] = new Array<Value>(args.length);
        for (let i = 0; i < args.length; i++) values[i] = args[i]!(scope);
        return spec.fn(values);
      };
    }
    case 'un': {
      const arg = compile(node.arg);
      if (node.op === 'not') return (scope) => !truthy(arg(scope));
      return (scope) => {
        const v = arg(scope);
        return isNum(v) ? -v : null;
      };
    }
    case 'bin':
      return compileBinary(node.op, compile(node.left), compile(node.right));
  }
}

function compileBinary(op: BinOp, left: Compiled, right: Compiled): Compiled {
  switch (op) {
    case 'and':
      return (scope) => (truthy(left(scope)) ? truthy(right(scope)) : false);
    case 'or':
      return (scope) => (truthy(left(scope)) ? true : truthy(right(scope)));
    case '==':
      return (scope) => equal(left(scope), right(scope));
    case '!=':
      return (scope) => !equal(left(scope), right(scope));
    case 'in':
      return (scope) => {
        const a = left(scope);
        const b = right(scope);
        return Array.isArray(b) ? b.some((x) => equal(x, a)) : false;
      };
    case '<':
    case '<=':
    case '>':
    case '>=':
      return (scope) => compare(op, left(scope), right(scope));
    case '+':
    case '-':
    case '*':
    case '/':
      return (scope) => arithmetic(op, left(scope), right(scope));
  }
}

function arithmetic(op: '+' | '-' | '*' | '/', a: Value, b: Value): Value {
  if (!isNum(a) || !isNum(b)) return null;
  switch (op) {
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

/**
 * How many items a free-text list names (a key-process list): items separated by ；, ; or line breaks, or, when it
 * has none of those, by 、 (which also separates words inside an item otherwise). A separator inside brackets belongs
 * to its item's own note ("配料与熔炼（6 台熔炼炉；2 台新炉 PLC 闭环）"), not to the list. Empty items do not count.
 */
export function textItems(text: string): number {
  const outside = atTopLevel(text);
  const major = /[；;\n]/;
  const by = [...outside].some((c) => major.test(c)) ? major : /、/;
  let n = 0;
  let item = false;
  for (const c of outside) {
    if (by.test(c)) {
      if (item) n++;
      item = false;
    } else if (c.trim() !== '') item = true;
  }
  return item ? n + 1 : n;
}

const OPEN = '（([【';
const CLOSE = '）)]】';
/**
 * The text with whatever stands inside brackets replaced by spaces (brackets of both widths, nested); the text as it
 * is when a bracket is left open (a typing slip must not swallow the rest of the list).
 */
function atTopLevel(text: string): string {
  let depth = 0;
  let out = '';
  for (const c of text) {
    if (OPEN.includes(c)) {
      depth++;
      out += depth === 1 ? c : ' ';
    } else if (CLOSE.includes(c) && depth > 0) {
      depth--;
      out += depth === 0 ? c : ' ';
    } else out += depth > 0 ? ' ' : c;
  }
  return depth === 0 ? out : text;
}

/**
 * Whether a free-text answer names any of the given words (a key-process list that has 涂装, a plant that already
 * has 金属检测). Latin letters match whatever their case, and only at the start of a word ('MES' is not in "times",
 * 'traceab' is in "traceability"); null when the answer is not text (unanswered).
 */
export function textHas(text: string, words: readonly Value[], from = 0): boolean {
  const t = lowered(text);
  for (let i = from; i < words.length; i++) {
    const w = words[i];
    if (typeof w !== 'string') continue;
    const word = wordOf(w);
    if (word && namesWord(t, word)) return true;
  }
  return false;
}

/**
 * The texts lower-cased, kept: a plant's rules ask the same few answers (its goals, its bottleneck, its key
 * processes) for word after word, some twenty times per plant. Emptied when it reaches a bound (the next plant's
 * answers are other strings).
 */
const lowerTexts = new Map<string, string>();
function lowered(text: string): string {
  let lower = lowerTexts.get(text);
  if (lower === undefined) {
    if (lowerTexts.size >= 32) lowerTexts.clear();
    lowerTexts.set(text, (lower = text.toLowerCase()));
  }
  return lower;
}

interface Word {
  lower: string;
  /** It begins with a Latin letter or digit, so it must start a word of the text; one in Chinese matches anywhere. */
  atStart: boolean;
}
/**
 * Each word as it is matched (null for a blank one), by its text: the words are the definitions' literals, a few
 * hundred; the map is emptied should an expression build words from answers and grow it past a bound.
 */
const words = new Map<string, Word | null>();
function wordOf(w: string): Word | null {
  let word = words.get(w);
  if (word === undefined) {
    const lower = w.toLowerCase();
    word = w.trim() === '' ? null : { lower, atStart: LATIN.test(lower[0]!) };
    if (words.size >= 4096) words.clear();
    words.set(w, word);
  }
  return word;
}

const LATIN = /[a-z0-9]/;
function namesWord(text: string, word: Word): boolean {
  const { lower, atStart } = word;
  for (let i = text.indexOf(lower); i >= 0; i = text.indexOf(lower, i + 1)) if (!atStart || i === 0 || !LATIN.test(text[i - 1]!)) return true;
  return false;
}

/** Functions available in every definition expression. */
export const BASE_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['contains', { min: 2, max: 2, fn: ([l, v]) => list(l!).some((x) => equal(x, v!)) }],
  ['count', { min: 1, max: 1, fn: ([l]) => (Array.isArray(l) ? l.length : l === null ? 0 : 1) }],
  ['text_items', { min: 1, max: 1, fn: ([t]) => (typeof t === 'string' ? textItems(t) : null) }],
  ['text_has', { min: 2, max: 9, fn: (args) => (typeof args[0] === 'string' ? textHas(args[0], args, 1) : null) }],
  ['min', { min: 1, max: 8, fn: (xs) => (xs.every(isNum) ? Math.min(...(xs as number[])) : null) }],
  ['max', { min: 1, max: 8, fn: (xs) => (xs.every(isNum) ? Math.max(...(xs as number[])) : null) }],
]);
