/**
 * A small, safe expression language for definition files (conditions, checks, formulas, rule conditions).
 * Parsed into a plain AST by hand; never compiled to JavaScript source (evaluate.ts turns each AST into nested
 * closures once). Grammar (lowest precedence first):
 *   or → and → not → comparison (== != < <= > >= in) → additive (+ -) → multiplicative (* /) → unary (-) → primary
 *   primary: number | 'string' | "string" | true | false | null | [list] | ident | ident(args) | ( expr )
 */
import { interned } from '../interned.js';

export type Node =
  | { t: 'lit'; v: number | string | boolean | null }
  | { t: 'list'; items: Node[] }
  | { t: 'id'; name: string; pos: number }
  | { t: 'call'; name: string; args: Node[]; pos: number }
  | { t: 'un'; op: 'not' | '-'; arg: Node }
  | { t: 'bin'; op: BinOp; left: Node; right: Node };

export type BinOp = 'or' | 'and' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | '+' | '-' | '*' | '/';

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Tok = { k: 'num' | 'str' | 'id' | 'op' | 'end'; v: string; pos: number };

const MAX_LENGTH = 2000;
const MAX_DEPTH = 64;
const OPS = ['==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '(', ')', '[', ']', ','];

const isDigit = (code: number) => code >= 48 && code <= 57;
// Sticky: matched at lastIndex in the whole source (no copy of the rest of it per token).
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const code = src.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(c))) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(code) || (code === 46 && isDigit(src.charCodeAt(i + 1)))) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src)!;
      if (!Number.isFinite(Number(m[0]))) throw new ExpressionSyntaxError(`number ${m[0]} is too large`, start);
      out.push({ k: 'num', v: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        s += src[j];
        j++;
      }
      if (j >= src.length) throw new ExpressionSyntaxError('unterminated string', start);
      out.push({ k: 'str', v: interned(s), pos: start });
      i = j + 1;
      continue;
    }
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95) {
      IDENTIFIER.lastIndex = i;
      const m = IDENTIFIER.exec(src)!;
      out.push({ k: 'id', v: interned(m[0]), pos: start });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionSyntaxError(`unexpected character '${c}'`, start);
    out.push({ k: 'op', v: op, pos: start });
    i += op.length;
  }
  out.push({ k: 'end', v: '', pos: src.length });
  return out;
}

export function parseExpression(src: string): Node {
  if (typeof src !== 'string') throw new ExpressionSyntaxError('expression must be a string', 0);
  if (src.length > MAX_LENGTH) throw new ExpressionSyntaxError(`expression longer than ${MAX_LENGTH} characters`, 0);
  const toks = tokenize(src);
  let p = 0;
  let depth = 0;
  const peek = () => toks[p]!;
  const isOp = (v: string) => peek().k === 'op' && peek().v === v;
  const isWord = (v: string) => peek().k === 'id' && peek().v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new ExpressionSyntaxError(`expected '${v}' but found ${describe(peek())}`, peek().pos);
    p++;
  };
  const nest = <T>(f: () => T): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionSyntaxError('expression nested too deeply', peek().pos);
    try {
      return f();
    } finally {
      depth--;
    }
  };

  const orExpr = (): Node =>
    nest(() => {
      let left = andExpr();
      while (isWord('or')) {
        p++;
        left = { t: 'bin', op: 'or', left, right: andExpr() };
      }
      return left;
    });
  const andExpr = (): Node => {
    let left = notExpr();
    while (isWord('and')) {
      p++;
      left = { t: 'bin', op: 'and', left, right: notExpr() };
    }
    return left;
  };
  const notExpr = (): Node => {
    if (isWord('not')) {
      p++;
      return nest(() => ({ t: 'un', op: 'not', arg: notExpr() }));
    }
    return comparison();
  };
  const comparison = (): Node => {
    const left = additive();
    const tok = peek();
    if (tok.k === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(tok.v)) {
      p++;
      return { t: 'bin', op: tok.v as BinOp, left, right: additive() };
    }
    if (isWord('in')) {
      p++;
      return { t: 'bin', op: 'in', left, right: additive() };
    }
    return left;
  };
  const additive = (): Node => {
    let left = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = toks[p++]!.v as BinOp;
      left = { t: 'bin', op, left, right: multiplicative() };
    }
    return left;
  };
  const multiplicative = (): Node => {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = toks[p++]!.v as BinOp;
      left = { t: 'bin', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Node => {
    if (isOp('-')) {
      p++;
      return nest(() => ({ t: 'un', op: '-', arg: unary() }));
    }
    return primary();
  };
  const primary = (): Node => {
    const tok = peek();
    if (tok.k === 'num') {
      p++;
      return { t: 'lit', v: Number(tok.v) };
    }
    if (tok.k === 'str') {
      p++;
      return { t: 'lit', v: tok.v };
    }
    if (tok.k === 'op' && tok.v === '(') {
      p++;
      const e = orExpr();
      expect(')');
      return e;
    }
    if (tok.k === 'op' && tok.v === '[') {
      p++;
      const items: Node[] = [];
      if (!isOp(']')) {
        items.push(orExpr());
        while (isOp(',')) {
          p++;
          items.push(orExpr());
        }
      }
      expect(']');
      return { t: 'list', items };
    }
    if (tok.k === 'id') {
      if (['and', 'or', 'not', 'in'].includes(tok.v))
        throw new ExpressionSyntaxError(`unexpected keyword '${tok.v}'`, tok.pos);
      p++;
      if (tok.v === 'true' || tok.v === 'false') return { t: 'lit', v: tok.v === 'true' };
      if (tok.v === 'null') return { t: 'lit', v: null };
      if (isOp('(')) {
        p++;
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(orExpr());
          while (isOp(',')) {
            p++;
            args.push(orExpr());
          }
        }
        expect(')');
        return { t: 'call', name: tok.v, args, pos: tok.pos };
      }
      return { t: 'id', name: tok.v, pos: tok.pos };
    }
    throw new ExpressionSyntaxError(`unexpected ${describe(tok)}`, tok.pos);
  };

  const ast = orExpr();
  if (peek().k !== 'end') throw new ExpressionSyntaxError(`unexpected ${describe(peek())}`, peek().pos);
  return ast;
}

function describe(t: Tok): string {
  return t.k === 'end' ? 'end of expression' : `'${t.v}'`;
}

/** The identifiers and function calls of an expression, in the order they are written. */
export interface Refs {
  readonly ids: readonly { readonly name: string; readonly pos: number }[];
  readonly calls: readonly Extract<Node, { t: 'call' }>[];
}

/**
 * Every identifier and function call in an expression, for load-time reference checks. Kept per tree: parsed
 * trees are shared by text (expression/check.ts) and never changed, and loading the bundled definitions asks
 * for the same tree's references several times (the check, then which questions it reads).
 */
const refsOfTree = new WeakMap<Node, Refs>();
export function collectRefs(node: Node): Refs {
  let refs = refsOfTree.get(node);
  if (!refs) {
    const ids: { name: string; pos: number }[] = [];
    const calls: Extract<Node, { t: 'call' }>[] = [];
    gatherRefs(node, ids, calls);
    refsOfTree.set(node, (refs = { ids, calls }));
  }
  return refs;
}

function gatherRefs(node: Node, ids: { name: string; pos: number }[], calls: Extract<Node, { t: 'call' }>[]): void {
  switch (node.t) {
    case 'id':
      ids.push({ name: node.name, pos: node.pos });
      break;
    case 'call':
      calls.push(node);
      for (const a of node.args) gatherRefs(a, ids, calls);
      break;
    case 'list':
      for (const a of node.items) gatherRefs(a, ids, calls);
      break;
    case 'un':
      gatherRefs(node.arg, ids, calls);
      break;
    case 'bin':
      gatherRefs(node.left, ids, calls);
      gatherRefs(node.right, ids, calls);
      break;
  }
}
