import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { dataDepth, parseSource, type Limits, type ParseResult, type Source } from '../../core/source.js';

/** Bracket nesting (same check as parseSource), so flow collections cannot exhaust the stack before parsing. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return max;
}

/**
 * Parsing dominates batch time. Well-formed files take a fast path (JSON.parse for .json; for YAML the plain
 * `parse` without a line counter); positions are computed only when a diagnostic needs one (locate() re-parses
 * with parseSource, lazily). A file that fails the fast path is parsed again by parseSource to explain why.
 */
export function parseFast(text: string, file: string, shown: string, limits: Limits): ParseResult {
  if (text.length <= limits.maxBytes && nestingDepth(text) <= limits.maxDepth) {
    let data: unknown;
    let ok = false;
    try {
      if (path.extname(file).toLowerCase() === '.json') data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      else data = parseYaml(text, { maxAliasCount: limits.maxAliases, uniqueKeys: true, strict: true, prettyErrors: false, logLevel: 'silent' });
      ok = dataDepth(data, limits.maxDepth) <= limits.maxDepth;
    } catch {
      ok = false;
    }
    if (ok) {
      let slow: Source | undefined;
      const source: Source = {
        file: shown,
        data,
        locate(p, key) {
          if (!slow) {
            const r = parseSource(text, shown, limits);
            slow = r.ok ? r.source : { file: shown, data, locate: () => ({ line: 1, column: 1 }) };
          }
          return slow.locate(p, key);
        },
      };
      return { ok: true, source };
    }
  }
  return parseSource(text, shown, limits);
}
