import { createRequire } from 'node:module';
import type { Document, ErrorCode as YAMLErrorCode, LineCounter as LineCounterT, Node as YNode, YAMLError } from 'yaml';
import { formatMessage, type Lang, type MessageCode } from '../messages/catalogue.js';
import { diag, type Diagnostic, type Located } from './diagnostics.js';
import { jsonEntries, parseAnswerYaml, scalarEntries, type EntryPositions } from './yaml-fast.js';

import { DEFAULT_LIMITS, type Limits } from './limits.js';
export { DEFAULT_LIMITS, type Limits };

/** A parsed YAML or JSON document that can point back into its text. */
export interface Source {
  file: string;
  data: unknown;
  locate(path: readonly (string | number)[], key?: string): Located;
}

export type ParseResult = { ok: true; source: Source } | { ok: false; diagnostics: Diagnostic[] };

const FIRST: Located = { line: 1, column: 1 };

/** The `yaml` package, loaded on first use (about 50 ms): a well-formed answer file does not need it. */
let yamlModule: typeof import('yaml') | undefined;
const Y = () => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/**
 * A source whose data is already known (parsed by a faster reader, or at build time): positions are found by
 * parsing the text again with positions, once, and only when a problem has to be located. The text may be given
 * as a function that decodes it then (a bundled definition checked at build time is not decoded at all).
 */
export function lazilyLocated(file: string, data: unknown, textOrDecode: string | (() => string), limits: Limits = DEFAULT_LIMITS, reader: 'plain-yaml' | 'json' | undefined = undefined): Source {
  let located: Source | null | undefined;
  let decoded = typeof textOrDecode === 'string' ? textOrDecode : undefined;
  const textOf = () => (decoded ??= (textOrDecode as () => string)());
  // Text the fast reader or JSON.parse read: an answer's value is found by a scan (the same position), one scan per
  // section for all its entries.
  const scanned = new Map<string, EntryPositions | undefined>();
  const scan = (path: readonly (string | number)[]) => {
    if (reader === undefined || path.length !== 2 || typeof path[0] !== 'string' || typeof path[1] !== 'string') return undefined;
    if (!scanned.has(path[0])) scanned.set(path[0], reader === 'plain-yaml' ? scalarEntries(textOf(), path[0]) : jsonEntries(textOf(), path[0]));
    return scanned.get(path[0])?.get(path[1]) ?? undefined;
  };
  return {
    file,
    data,
    locate(path, key) {
      if (located === undefined) {
        const quick = key !== undefined ? undefined : scan(path);
        if (quick) return quick;
        const reparsed = parseSource(textOf(), file, limits);
        located = reparsed.ok ? reparsed.source : null;
      }
      return located ? located.locate(path, key) : FIRST;
    },
  };
}

/**
 * Parse an answer or definition file the fast way — `JSON.parse` for JSON, the fast reader for plain answer YAML,
 * the `yaml` package without positions otherwise — and find positions only when a problem has to be located.
 * Text that none of these accept is parsed by parseSource, which explains what is wrong. Never throws.
 */
export function parseQuick(text: string, file: string, opts: { json: boolean; limits?: Limits }): ParseResult {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  if (text.length <= limits.maxBytes && nestingDepth(text) <= limits.maxDepth) {
    let data: unknown;
    let reader: 'plain-yaml' | 'json' | undefined;
    try {
      if (opts.json) {
        data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        reader = 'json';
      }
      else {
        // The fast reader bounds its own depth; only what the `yaml` package parsed needs the depth walk.
        data = parseAnswerYaml(text, limits.maxDepth);
        if (data !== undefined) reader = 'plain-yaml';
        if (data === undefined) {
          data = Y().parse(text, { maxAliasCount: limits.maxAliases, uniqueKeys: true, strict: true, prettyErrors: false, logLevel: 'error' });
          if (dataDepth(data, limits.maxDepth) > limits.maxDepth) data = undefined;
        }
      }
    } catch {
      data = undefined;
    }
    if (data !== undefined) return { ok: true, source: lazilyLocated(file, data, text, limits, reader) };
  }
  return parseSource(text, file, limits);
}

/** Parse YAML (JSON is a subset) keeping source positions; never throws. */
export function parseSource(text: string, file: string, limits: Limits = DEFAULT_LIMITS): ParseResult {
  if (text.length > limits.maxBytes) {
    return { ok: false, diagnostics: [diag('input.too-large', file, FIRST, { size: text.length, limit: limits.maxBytes })] };
  }
  const depth = nestingDepth(text);
  if (depth > limits.maxDepth) {
    return { ok: false, diagnostics: [diag('input.too-deep', file, FIRST, { limit: limits.maxDepth })] };
  }
  const { LineCounter, parseDocument } = Y();
  const lc = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  } catch (e) {
    return { ok: false, diagnostics: [syntaxError(file, FIRST, { detail: firstLine(String((e as Error).message)) })] };
  }
  const at = (offset: number): Located => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) return { ok: false, diagnostics: [firstSyntaxError(doc.errors, text, file, at)] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (e) {
    const msg = String((e as Error).message);
    if (/alias/i.test(msg)) return { ok: false, diagnostics: [diag('input.alias-bomb', file, FIRST, { limit: limits.maxAliases })] };
    return { ok: false, diagnostics: [syntaxError(file, FIRST, { detail: firstLine(msg) })] };
  }
  if (dataDepth(data, limits.maxDepth) > limits.maxDepth) {
    return { ok: false, diagnostics: [diag('input.too-deep', file, FIRST, { limit: limits.maxDepth })] };
  }
  return { ok: true, source: { file, data, locate: (path, key) => locateIn(doc, lc, path, key) } };
}

/** Our words for the `yaml` package's error codes; codes that come from a line indented wrongly get the hint. */
const WHY: Partial<Record<YAMLErrorCode, { code: MessageCode; indent?: boolean }>> = {
  BAD_INDENT: { code: 'yaml.why.bad-indent', indent: true },
  BLOCK_AS_IMPLICIT_KEY: { code: 'yaml.why.colon-in-value' },
  MULTILINE_IMPLICIT_KEY: { code: 'yaml.why.multiline-implicit-key' },
  TAB_AS_INDENT: { code: 'yaml.why.tab-as-indent' },
  DUPLICATE_KEY: { code: 'yaml.why.duplicate-key' },
  UNEXPECTED_TOKEN: { code: 'yaml.why.unexpected-token' },
  MISSING_CHAR: { code: 'yaml.why.missing-char' },
  BAD_SCALAR_START: { code: 'yaml.why.bad-scalar-start' },
  BAD_DQ_ESCAPE: { code: 'yaml.why.bad-dq-escape' },
  BLOCK_IN_FLOW: { code: 'yaml.why.block-in-flow' },
  MULTIPLE_DOCS: { code: 'yaml.why.multiple-docs' },
};
const EXCERPT_MAX = 200;

/**
 * One diagnostic for a file that does not parse: the first syntax error (a line indented by one space too many
 * makes the `yaml` package report every line after it), explained in our words, with the line it is on and how
 * many more errors follow.
 */
function firstSyntaxError(errors: readonly YAMLError[], text: string, file: string, at: (offset: number) => Located): Diagnostic {
  const first = errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  let where = at(first.pos[0]);
  let why = WHY[first.code];
  // A line indented further than the one above is reported where the value of the line above starts (that value
  // and the next line read as one key over two lines): point at the next line, the one to fix.
  const keyOverLines = errors.some((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === first.pos[0]);
  if (first.code === 'BLOCK_AS_IMPLICIT_KEY' && keyOverLines && (lines[where.line - 1] ?? '').slice(where.column - 1).trim() !== '') {
    const next = lines.findIndex((l, i) => i >= where.line && l.trim() !== '' && !l.trim().startsWith('#'));
    if (next >= 0) {
      where = { line: next + 1, column: lines[next]!.length - lines[next]!.trimStart().length + 1 };
      why = { code: 'yaml.why.indented-further', indent: true };
    }
  }
  // A [ or { left open on the line before is what the parser trips over on the next line: point at it.
  const open = unclosedBracketBefore(lines, where.line);
  let args: Record<string, string> = {};
  if (open) {
    where = { line: open.line, column: open.column };
    why = { code: 'yaml.why.unclosed-flow' };
    args = { bracket: open.bracket };
  }
  // A key written with the full-width colon of a Chinese input method (`key_processes_cnc：8`) is no key: the parser
  // trips over it on that line or the next one. Point at the colon and say what to type.
  const colon = fullWidthColonNear(lines, where.line);
  if (colon && !open) {
    where = colon;
    why = { code: 'yaml.why.full-width-colon' };
  }
  // Errors at the same place are one mistake told twice.
  const more = new Set(errors.map((e) => e.pos[0])).size - 1;
  const line = lines[where.line - 1] ?? '';
  const d = syntaxError(file, where, { why: why?.code, detail: firstLine(first.message), indent: why?.indent, more, yamlCode: first.code, args });
  return { ...d, excerpt: line.length > EXCERPT_MAX ? line.slice(0, EXCERPT_MAX) + '…' : line };
}

/** A `yaml.syntax` diagnostic: why (our words, else the parser's), the indentation hint, how many errors follow. */
function syntaxError(file: string, at: Located, p: { why?: MessageCode | undefined; detail: string; indent?: boolean | undefined; more?: number; yamlCode?: string; args?: Record<string, string> }): Diagnostic {
  const more = p.more ?? 0;
  const message = (lang: Lang) =>
    [
      formatMessage(p.why ?? 'yaml.why.other', { detail: p.detail, ...p.args }, lang),
      ...(p.indent ? [formatMessage('yaml.hint-indent', {}, lang)] : []),
      ...(more > 0 ? [formatMessage('yaml.more-errors', { count: more }, lang)] : []),
    ].join(lang === 'zh' ? '；' : '; ');
  return diag('yaml.syntax', file, at, { zh: message('zh'), en: message('en'), ...(p.yamlCode ? { yamlCode: p.yamlCode } : {}), ...(more ? { more } : {}) });
}

/** A key followed by a full-width colon (no ASCII colon before it), at line `lineNo` (1-based) or the line before. */
const FULL_WIDTH_KEY = /^\s*(?:-\s+)?[A-Za-z_][\w.-]*\s*：/;
function fullWidthColonNear(lines: readonly string[], lineNo: number): Located | undefined {
  for (const i of [lineNo - 1, lineNo - 2]) {
    const line = lines[i];
    if (line !== undefined && FULL_WIDTH_KEY.test(line)) return { line: i + 1, column: line.indexOf('：') + 1 };
  }
  return undefined;
}

/**
 * The [ or { left open on the last content line before line `lineNo` (1-based), outside quotes and comments, if any:
 * YAML reports such a line's mistake on the line after it.
 */
function unclosedBracketBefore(lines: readonly string[], lineNo: number): { line: number; column: number; bracket: string } | undefined {
  let i = lineNo - 2;
  while (i >= 0 && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('#'))) i--;
  if (i < 0) return undefined;
  const line = lines[i]!;
  const open: number[] = [];
  let quote = '';
  for (let c = 0; c < line.length; c++) {
    const ch = line[c]!;
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (c === 0 || line[c - 1] === ' ')) break;
    else if (ch === '[' || ch === '{') open.push(c);
    else if ((ch === ']' || ch === '}') && open.length) open.pop();
  }
  const c = open[0];
  return c === undefined ? undefined : { line: i + 1, column: c + 1, bracket: line[c]! };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Bracket nesting, checked before parsing so deeply nested flow collections cannot exhaust the stack. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  // A regular expression finds the (few) brackets of a file much faster than a loop over every character.
  BRACKETS.lastIndex = 0;
  for (let m = BRACKETS.exec(text); m !== null; m = BRACKETS.exec(text)) {
    const c = m[0];
    if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else depth = Math.max(0, depth - 1);
  }
  return max;
}
const BRACKETS = /[[\]{}]/g;

/** Depth of parsed data (block-style nesting is only visible after parsing). */
export function dataDepth(v: unknown, limit: number, d = 0): number {
  if (d > limit || v === null || typeof v !== 'object') return d;
  let max = d;
  for (const x of Object.values(v as object)) max = Math.max(max, dataDepth(x, limit, d + 1));
  return max;
}

/** Map a data path to the line and column of the nearest existing node (the key itself for `key`). */
function locateIn(doc: Document, lc: LineCounterT, path: readonly (string | number)[], key?: string): Located {
  const { isMap, isNode, isScalar, isSeq } = Y();
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (!isNode(node) || !node.range) continue;
    let offset = node.range[0];
    if (n === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair && isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
    }
    // For a map entry, point at the key rather than the value when the path ends on it.
    if (n === path.length && n > 0 && key === undefined) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[n - 1]));
        if (pair && isNode(pair.key) && pair.key.range && !isSeq(pair.value) && !isMap(pair.value)) {
          offset = (pair.value as YNode | null)?.range?.[0] ?? pair.key.range[0];
        }
      }
    }
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  }
  return FIRST;
}
