import type { FunctionSpec } from './evaluate.js';
import { interned } from '../interned.js';
import { collectRefs, ExpressionSyntaxError, parseExpression, type Node } from './parse.js';

export interface ExpressionContext {
  /** Names an identifier may take. */
  ids: ReadonlySet<string>;
  functions: ReadonlyMap<string, FunctionSpec>;
  /** Known ids for functions whose first argument is a literal id. */
  literals: Partial<Record<NonNullable<FunctionSpec['literalArg']>, ReadonlySet<string>>>;
  /**
   * Named conditions (a rules file's `conditions`), by id: `holds('id')` stands for that condition, and is replaced
   * by its tree when checked, so evaluation, the questions a condition reads and its three-valued judgement all see
   * the condition itself. Absent: no `holds` can be checked.
   */
  conditions?: ReadonlyMap<string, Node>;
}

/** The call a named condition is written as: `holds('mill-spins')`. */
export const HOLDS = 'holds';

export interface ExpressionProblem {
  code: 'expr.syntax' | 'expr.unknown-id' | 'expr.unknown-function' | 'expr.arity' | 'expr.unknown-literal' | 'expr.literal-required';
  offset: number;
  args: Record<string, string | number>;
}

export type Checked = { ok: true; ast: Node; ids: string[] } | { ok: false; problems: ExpressionProblem[] };

/**
 * Parsed expressions by their text: definitions repeat many conditions word for word (`has_mes`, the sector tests),
 * a third of those loaded for a report. A tree is never changed once it is here (a tree the build parsed has its
 * names interned before it is added), so one text has one tree; the names in it are still checked against each
 * context. Bounded, as definition files can be a consultant's own.
 */
const parsed = new Map<string, Node>();
const PARSED_MAX = 20_000;

function parseOnce(src: string): Node {
  let ast = parsed.get(src);
  if (!ast) {
    ast = parseExpression(src);
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(src, ast);
  }
  return ast;
}

/** Every expression parsed so far in this process, by its text (the build keeps those of the bundled definitions). */
export function parsedExpressions(): ReadonlyMap<string, Node> {
  return parsed;
}

/**
 * Trees the build parsed, by their text (dist/bundled/<path>.json, `expressions`: see scripts/build-assets.mjs), so a
 * bundled definition unchanged since the build is not tokenised again. Each tree is what `parseExpression` made of
 * that text, read back from JSON: its names and string literals are interned here, as the parser interns them. The
 * names are still checked against each context by `checkExpression`.
 */
export function seedParsedExpressions(entries: readonly (readonly [string, Node])[]): void {
  for (const [src, ast] of entries) {
    if (parsed.has(src)) continue;
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(src, internNames(ast));
  }
}

function internNames(n: Node): Node {
  switch (n.t) {
    case 'lit':
      if (typeof n.v === 'string') n.v = interned(n.v);
      break;
    case 'id':
      n.name = interned(n.name);
      break;
    case 'call':
      n.name = interned(n.name);
      n.args.forEach(internNames);
      break;
    case 'list':
      n.items.forEach(internNames);
      break;
    case 'un':
      internNames(n.arg);
      break;
    case 'bin':
      internNames(n.left);
      internNames(n.right);
      break;
  }
  return n;
}

/** Parse an expression and check every name it uses; done once, when a definition is loaded. */
export function checkExpression(src: string, ctx: ExpressionContext): Checked {
  let ast: Node;
  try {
    ast = parseOnce(src);
  } catch (e) {
    if (e instanceof ExpressionSyntaxError) {
      return { ok: false, problems: [{ code: 'expr.syntax', offset: e.offset, args: { detail: e.message, expr: src } }] };
    }
    throw e;
  }
  const problems: ExpressionProblem[] = [];
  const { ids, calls } = collectRefs(ast);
  for (const id of ids) {
    if (!ctx.ids.has(id.name)) problems.push({ code: 'expr.unknown-id', offset: id.pos, args: { name: id.name, expr: src } });
  }
  for (const call of calls) {
    const spec = ctx.functions.get(call.name);
    if (!spec) {
      const known = [...ctx.functions.keys()].join(', ');
      problems.push({ code: 'expr.unknown-function', offset: call.pos, args: { name: call.name, known, expr: src } });
      continue;
    }
    if (call.args.length < spec.min || call.args.length > spec.max) {
      problems.push({ code: 'expr.arity', offset: call.pos, args: { name: call.name, min: spec.min, max: spec.max, expr: src } });
      continue;
    }
    if (spec.literalArg) {
      const first = call.args[0];
      const known = spec.literalArg === 'condition' ? new Set(ctx.conditions?.keys()) : ctx.literals[spec.literalArg];
      if (!first || first.t !== 'lit' || typeof first.v !== 'string') {
        problems.push({ code: 'expr.literal-required', offset: call.pos, args: { name: call.name, kind: spec.literalArg, expr: src } });
      } else if (known && !known.has(first.v)) {
        problems.push({ code: 'expr.unknown-literal', offset: call.pos, args: { name: first.v, kind: spec.literalArg, expr: src } });
      }
    }
  }
  if (problems.length) return { ok: false, problems };
  // Identifiers that name a function's literal argument are not variable references.
  if (!calls.some((c) => c.name === HOLDS)) return { ok: true, ast, ids: [...new Set(ids.map((i) => i.name))] };
  const inlined = withConditions(ast, ctx.conditions!);
  return { ok: true, ast: inlined, ids: [...new Set(collectRefs(inlined).ids.map((i) => i.name))] };
}

/** The tree with every `holds('id')` replaced by the named condition's tree (a new tree where anything changes: parsed trees are shared). */
function withConditions(n: Node, conditions: ReadonlyMap<string, Node>): Node {
  switch (n.t) {
    case 'call': {
      const first = n.args[0];
      if (n.name === HOLDS && first?.t === 'lit' && typeof first.v === 'string') return conditions.get(first.v)!;
      const args = n.args.map((a) => withConditions(a, conditions));
      return args.every((a, i) => a === n.args[i]) ? n : { ...n, args };
    }
    case 'list': {
      const items = n.items.map((a) => withConditions(a, conditions));
      return items.every((a, i) => a === n.items[i]) ? n : { ...n, items };
    }
    case 'un': {
      const arg = withConditions(n.arg, conditions);
      return arg === n.arg ? n : { ...n, arg };
    }
    case 'bin': {
      const [left, right] = [withConditions(n.left, conditions), withConditions(n.right, conditions)];
      return left === n.left && right === n.right ? n : { ...n, left, right };
    }
    default:
      return n;
  }
}
