import { createRequire } from 'node:module';
import type { Document, LineCounter as LineCounterT, Node as YNode } from 'yaml';
import { diag, type Diagnostic, type Located } from './diagnostics.js';
import { locateJsonEntry, locateScalarEntry, parseAnswerYaml } from './yaml-fast.js';

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
 * parsing the text again with positions, once, and only when a problem has to be located.
 */
export function lazilyLocated(file: string, data: unknown, text: string, limits: Limits = DEFAULT_LIMITS, reader: 'plain-yaml' | 'json' | undefined = undefined): Source {
  let located: Source | null | undefined;
  return {
    file,
    data,
    locate(path, key) {
      if (located === undefined) {
        // Text the fast reader or JSON.parse read: an answer's scalar value is found by a scan (same position).
        const quick = key !== undefined ? undefined : reader === 'plain-yaml' ? locateScalarEntry(text, path) : reader === 'json' ? locateJsonEntry(text, path) : undefined;
        if (quick) return quick;
        const reparsed = parseSource(text, file, limits);
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
    return { ok: false, diagnostics: [diag('yaml.syntax', file, FIRST, { detail: String((e as Error).message) })] };
  }
  const at = (offset: number): Located => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => diag('yaml.syntax', file, at(e.pos[0]), { detail: firstLine(e.message) })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (e) {
    const msg = String((e as Error).message);
    const code = /alias/i.test(msg) ? 'input.alias-bomb' : 'yaml.syntax';
    return { ok: false, diagnostics: [diag(code, file, FIRST, { detail: firstLine(msg), limit: limits.maxAliases })] };
  }
  if (dataDepth(data, limits.maxDepth) > limits.maxDepth) {
    return { ok: false, diagnostics: [diag('input.too-deep', file, FIRST, { limit: limits.maxDepth })] };
  }
  return { ok: true, source: { file, data, locate: (path, key) => locateIn(doc, lc, path, key) } };
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
