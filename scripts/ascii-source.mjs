// Built JavaScript as ASCII text: every character outside ASCII (Chinese messages and comments, symbols, emoji) is
// written as its \uXXXX escape. Node reads an ASCII file into a one-byte string, about three times faster than a
// file with Chinese text in it, which becomes a two-byte string of twice the memory; a report reads ≈ 0.8 MB of
// chunks, a template and a validator at every start (docs/performance.md, "What changed in the eighth session").
// Used by scripts/bundle.mjs and scripts/build-assets.mjs on what they write.
//
// The escape means the same character in string literals, template literals (cooked), regular expressions (with or
// without the u flag: an escaped surrogate pair is one code point there) and identifiers, and changes only the
// text of comments. A non-ASCII character escaped by a backslash (an identity escape, meaning the character) is
// replaced together with its backslash. Where it would not mean the same — a tagged template's raw strings
// (String.raw), a line separator ending a // comment or continuing a string, non-ASCII white space or an identifier
// outside the BMP — the rewritten code parses differently: the build compares the two parses and fails.
import { parseAst } from 'rolldown/parseAst';

const NON_ASCII = /[^\x00-\x7f]/;

function escapeNonAscii(text) {
  return text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => {
    const u = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    // an odd number of backslashes escapes the character itself: the last one goes, the escape stands for it
    return slashes.length % 2 ? slashes.slice(1) + u : slashes + u;
  });
}

/** The first tagged template (`tag\`…\``) whose text holds a non-ASCII character, as its line, if any. */
function taggedNonAscii(code, ast) {
  let found;
  const visit = (node) => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (node.type === 'TaggedTemplateExpression' && node.quasi.quasis.some((q) => NON_ASCII.test(q.value.raw))) {
      found = code.slice(0, node.start).split('\n').length;
      return;
    }
    for (const k in node) visit(node[k]);
  };
  visit(ast);
  return found;
}

/**
 * Where two parses differ, other than in positions, source text (`raw`) and a regular expression's pattern written
 * with escapes (compared once escaped the same way): a path to the first difference, or undefined.
 */
function difference(before, after, at = '') {
  if (before === after) return undefined;
  if (typeof before !== 'object' || typeof after !== 'object' || before === null || after === null) return at || '(root)';
  if (Array.isArray(before) !== Array.isArray(after)) return at;
  if (before instanceof RegExp || after instanceof RegExp) return undefined; // compared by `regex` beside it
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) {
    if (k === 'start' || k === 'end' || k === 'raw') continue;
    if (k === 'regex' && before.regex && after.regex) {
      if (escapeNonAscii(before.regex.pattern) !== after.regex.pattern || before.regex.flags !== after.regex.flags) return `${at}.regex`;
      continue;
    }
    const d = difference(before[k], after[k], `${at}.${k}`);
    if (d) return d;
  }
  return undefined;
}

export function asciiSource(code, file) {
  if (!NON_ASCII.test(code)) return code;
  const before = parseAst(code);
  const line = taggedNonAscii(code, before);
  if (line !== undefined) throw new Error(`ascii-source: ${file}:${line} has a tagged template with non-ASCII text (its raw strings would change): review scripts/ascii-source.mjs`);
  const out = escapeNonAscii(code);
  let after;
  try {
    after = parseAst(out);
  } catch (e) {
    throw new Error(`ascii-source: ${file} no longer parses once written in ASCII (${e.message}): review scripts/ascii-source.mjs`);
  }
  const d = difference(before, after);
  if (d) throw new Error(`ascii-source: ${file} would not mean the same written in ASCII (at ${d}): review scripts/ascii-source.mjs`);
  return out;
}
