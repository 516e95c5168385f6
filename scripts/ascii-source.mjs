// Built JavaScript as ASCII text: every character outside ASCII (Chinese messages and comments, symbols, emoji) is
// written as its \uXXXX escape. Node reads an ASCII file into a one-byte string, about three times faster than a
// file with Chinese text in it, which becomes a two-byte string of twice the memory; the CLI reads ≈ 0.8 MB of its
// chunks, templates and validators at every start (docs/performance.md). Used by scripts/bundle.mjs and
// scripts/build-assets.mjs on what they write.
//
// The escape means the same character in string literals, template literals (cooked), regular expressions (with or
// without the u flag: an escaped surrogate pair is one code point there) and identifiers, and changes only the
// text of comments. It would change a tagged template's raw strings (String.raw): such a template with non-ASCII
// text fails the build. A non-ASCII character escaped by a backslash (an identity escape, meaning the character) is
// replaced together with its backslash.
import { parseAst } from 'rolldown/parseAst';

/** The line of the first tagged template (`tag\`…\``) whose text holds a non-ASCII character, if any. */
function taggedNonAscii(code) {
  let found;
  const visit = (node) => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (node.type === 'TaggedTemplateExpression' && /[^\x00-\x7f]/.test(code.slice(node.quasi.start, node.quasi.end))) {
      found = code.slice(0, node.start).split('\n').length;
      return;
    }
    for (const k in node) if (k !== 'parent') visit(node[k]);
  };
  visit(parseAst(code));
  return found;
}

export function asciiSource(code, file) {
  if (!/[^\x00-\x7f]/.test(code)) return code;
  const line = taggedNonAscii(code);
  if (line !== undefined) throw new Error(`ascii-source: ${file}:${line} has a tagged template with non-ASCII text (its raw strings would change): review scripts/ascii-source.mjs`);
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => {
    const u = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    // an odd number of backslashes escapes the character itself: the last one goes, the escape stands for it
    return slashes.length % 2 ? slashes.slice(1) + u : slashes + u;
  });
}
