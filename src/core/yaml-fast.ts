/**
 * A fast reader for the plain YAML that answer files are made of (block maps, block lists of scalars, one-line
 * flow lists and maps of scalars, plain and quoted scalars, simple block scalars, comments). Anything else — anchors,
 * aliases, tags, block scalars with blank or more-indented lines, multi-line plain scalars, documents markers, unusual escapes, tabs — makes it give up (undefined), and
 * the caller parses with the `yaml` package, which explains errors. For what it accepts it returns exactly what
 * `yaml`'s parse() returns under the YAML 1.2 core schema (checked by a property test against `yaml`).
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

class GiveUp extends Error {}
const fail = (): never => {
  throw new GiveUp();
};

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*)[ ]*:(?: +(.*))?$/;
/** Keys the yaml library reads as null or booleans, not as the text: leave those files to it. */
const SPECIAL_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const badKey = (k: string | undefined, obj: object) => k === undefined || k === '__proto__' || (k.length <= 5 && SPECIAL_KEY.test(k)) || Object.prototype.hasOwnProperty.call(obj, k);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Core-schema resolution of a plain scalar. */
function plain(s: string): Json {
  switch (s) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 48) {
    if (INT.test(s)) return Number(s);
    if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
    if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
    if (FLOAT.test(s)) return Number(s);
    if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(s)) fail();
  }
  return s;
}

/** A plain scalar in block context: first character not an indicator, no ": " inside, comment stripped. */
function plainBlock(raw: string): Json {
  let s = raw;
  const hash = s.indexOf(' #');
  if (hash >= 0) s = s.slice(0, hash);
  s = s.trimEnd();
  if (s === '') return null;
  const c = s[0]!;
  // "-1" and "-cmd" are plain scalars; "- x" (a list item) and the other indicators are left to `yaml`
  const dashScalar = c === '-' && s.length > 1 && s[1] !== ' ';
  if ('&*!|>%@`{}[],#\'"?:-'.includes(c) && !dashScalar) fail();
  if (s.includes(': ') || s.endsWith(':') || s.includes('\t') || /[{}[\]]/.test(s)) fail();
  return plain(s);
}

function doubleQuoted(s: string, start: number): [string, number] {
  let out = '';
  for (let i = start + 1; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"') return [out, i + 1];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = s[++i];
    switch (e) {
      case '\\':
        out += '\\';
        break;
      case '"':
        out += '"';
        break;
      case '/':
        out += '/';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'u': {
        const hex = s.slice(i + 1, i + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail();
        const code = parseInt(hex, 16);
        if (code >= 0xd800 && code <= 0xdfff) fail();
        out += String.fromCharCode(code);
        i += 4;
        break;
      }
      default:
        fail();
    }
  }
  return fail();
}

function singleQuoted(s: string, start: number): [string, number] {
  let out = '';
  for (let i = start + 1; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "'") {
      if (s[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      return [out, i + 1];
    }
    out += ch;
  }
  return fail();
}

/** Only spaces, or a comment, may follow a complete value. */
function rest(s: string, i: number): void {
  const r = s.slice(i);
  if (r.trim() === '') return;
  if (/^ +#/.test(r)) return;
  fail();
}

/** Items of a one-line flow collection: scalars separated by commas. */
function flowItems(s: string, open: number, close: string): [string[], ('plain' | 'quoted')[], Json[], number] {
  const raws: string[] = [];
  const kinds: ('plain' | 'quoted')[] = [];
  const values: Json[] = [];
  let i = open + 1;
  for (;;) {
    while (s[i] === ' ') i++;
    if (s[i] === close && raws.length === 0) return [raws, kinds, values, i + 1];
    let v: Json;
    if (s[i] === '"' || s[i] === "'") {
      const [str, end] = s[i] === '"' ? doubleQuoted(s, i) : singleQuoted(s, i);
      raws.push(str);
      kinds.push('quoted');
      v = str;
      i = end;
    } else {
      let j = i;
      while (j < s.length && s[j] !== ',' && s[j] !== close) {
        if ('[]{}#"\''.includes(s[j]!)) fail();
        j++;
      }
      const t = s.slice(i, j).trim();
      if (t === '' || '&*!|>%@`-?:'.includes(t[0]!) || t.includes(': ') || t.endsWith(':')) {
        // "-1" is a number; "key: v" items belong to flow maps (handled by the caller)
        if (!(t[0] === '-' && t.length > 1 && t[1] !== ' ') && !(close === '}' && /^[A-Za-z_][A-Za-z0-9_-]*: *\S/.test(t))) fail();
      }
      raws.push(t);
      kinds.push('plain');
      v = close === '}' ? null : plain(t);
      i = j;
    }
    values.push(v);
    while (s[i] === ' ') i++;
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (s[i] === close) return [raws, kinds, values, i + 1];
    fail();
  }
}

function value(s: string): Json {
  const c = s[0];
  if (c === '"' || c === "'") {
    const [str, end] = c === '"' ? doubleQuoted(s, 0) : singleQuoted(s, 0);
    rest(s, end);
    return str;
  }
  if (c === '[') {
    const [, , values, end] = flowItems(s, 0, ']');
    rest(s, end);
    return values;
  }
  if (c === '{') {
    const [raws, kinds, , end] = flowItems(s, 0, '}');
    rest(s, end);
    const obj: { [k: string]: Json } = {};
    raws.forEach((raw, n) => {
      if (kinds[n] !== 'plain') fail();
      const m = /^([A-Za-z_][A-Za-z0-9_-]*): *(.*)$/.exec(raw);
      if (!m || badKey(m[1], obj)) fail();
      const v = m![2]!.trim();
      if (v.startsWith('"') || v.startsWith("'")) {
        const [str, e2] = v.startsWith('"') ? doubleQuoted(v, 0) : singleQuoted(v, 0);
        if (v.slice(e2).trim() !== '') fail();
        obj[m![1]!] = str;
      } else {
        if (v !== '' && ('&*!|>%@`-?:'.includes(v[0]!) && !(v[0] === '-' && v.length > 1))) fail();
        obj[m![1]!] = plain(v);
      }
    });
    return obj;
  }
  return plainBlock(s);
}

const BLOCK_HEADER = /^([|>])(-?)$/;

/**
 * A block scalar (`|`, `|-`, `>`, `>-`) after a map key: the lines indented deeper than the key, all at one
 * indentation and with no blank line between them (anything else is left to `yaml`). Folded lines are joined by a
 * space, literal ones by a newline; without `-` the text ends with one newline. Returns the text and the next line.
 */
function blockScalar(lines: string[], from: number, keyIndent: number, folded: boolean, strip: boolean): [string, number] {
  const content: string[] = [];
  let blockIndent = -1;
  let i = from;
  let blankSeen = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      blankSeen = true;
      continue;
    }
    let ind = 0;
    while (line.charCodeAt(ind) === 32) ind++;
    if (ind <= keyIndent) break;
    if (blockIndent < 0) blockIndent = ind;
    if (ind !== blockIndent || blankSeen) fail();
    content.push(line.slice(blockIndent));
  }
  if (content.length === 0) fail();
  const body = content.join(folded ? ' ' : '\n');
  return [strip ? body : body + '\n', i];
}

interface Frame {
  indent: number;
  node: { [k: string]: Json } | Json[];
}

/** Parse a document of the answer-file subset; undefined when it uses anything else. */
export function parseAnswerYaml(text: string, maxDepth = 64): unknown {
  try {
    return parseOrThrow(text, maxDepth);
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

function parseOrThrow(text: string, maxDepth: number): Json {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\t') || text.includes('\r') && !/\r\n/.test(text)) fail();
  const lines = text.split(/\r?\n/);
  let root: { [k: string]: Json } | undefined;
  const stack: Frame[] = [];
  // A key whose value is on the following lines: filled when the next content line is seen.
  let open: { obj: { [k: string]: Json }; key: string; indent: number } | undefined;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    const content = line.slice(indent);
    if (content === '' || content[0] === '#') continue;
    if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content[0] === '%')) fail();
    const isItem = content === '-' || content.startsWith('- ');
    if (open) {
      if (indent > open.indent || (isItem && indent === open.indent)) {
        const node: { [k: string]: Json } | Json[] = isItem ? [] : {};
        open.obj[open.key] = node as Json;
        stack.push({ indent, node });
        if (stack.length > maxDepth) fail();
      } else open.obj[open.key] = null;
      open = undefined;
    }
    if (!root) {
      if (indent !== 0 || isItem) fail();
      root = {};
      stack.push({ indent: 0, node: root });
    }
    while (stack.length && stack[stack.length - 1]!.indent > indent) stack.pop();
    const top = stack[stack.length - 1];
    if (!top || top.indent !== indent) fail();
    if (isItem) {
      if (!Array.isArray(top!.node)) fail();
      const v = content.slice(1).trim();
      if (v === '' || /^[A-Za-z_][A-Za-z0-9_-]*[ ]*:(?: |$)/.test(v) || v.startsWith('- ')) fail();
      (top!.node as Json[]).push(value(v));
      continue;
    }
    if (Array.isArray(top!.node)) {
      // a map key at the indentation of a compact list ends the list
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent || parent.indent !== indent || Array.isArray(parent.node)) fail();
    }
    const holder = stack[stack.length - 1]!.node as { [k: string]: Json };
    const m = KEY.exec(content);
    if (!m) fail();
    const key = m![1]!;
    if (badKey(key, holder)) fail();
    const v = m![2];
    if (v === undefined || v.trim() === '' || /^ *#/.test(v)) {
      holder[key] = null;
      open = { obj: holder, key, indent };
      continue;
    }
    const block = BLOCK_HEADER.exec(v);
    if (block) {
      const [text, next] = blockScalar(lines, li + 1, indent, block[1] === '>', block[2] === '-');
      holder[key] = text;
      li = next - 1;
      continue;
    }
    holder[key] = value(v);
  }
  if (open) open.obj[open.key] = null;
  return root ?? fail();
}

/**
 * An entry's key at `start` of a line ending at `end` — `[A-Za-z_][A-Za-z0-9_-]*`, spaces, a colon, then spaces or
 * the end of the line — read by character codes (a regular expression on a slice of every line was most of the
 * scan): the key's end and where its value may start, or null when the line is not such an entry.
 */
function entryAt(text: string, start: number, end: number): { keyEnd: number; valueAt: number } | null {
  let k = start;
  const c0 = text.charCodeAt(k);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95)) return null;
  for (k++; k < end; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45)) break;
  }
  let m = k;
  while (m < end && text.charCodeAt(m) === 32) m++;
  if (m >= end || text.charCodeAt(m) !== 58) return null;
  m++;
  if (m === end) return { keyEnd: k, valueAt: m };
  if (text.charCodeAt(m) !== 32) return null;
  while (m < end && text.charCodeAt(m) === 32) m++;
  return { keyEnd: k, valueAt: m };
}

/** Where a value starts (1-based), as the `yaml` package gives it; null: the scan leaves that entry to `yaml`. */
export type EntryPositions = Map<string, { line: number; column: number } | null>;

/**
 * Where the value of `top.key` starts, in a text parseAnswerYaml accepted: the line and column the `yaml` package
 * gives for that path (a scalar or a one-line flow collection written on the key's line), found by scanning lines
 * instead of parsing the text again with positions. Undefined for anything else (other paths, block collections,
 * block scalars, an empty value, a missing key): the caller then asks the `yaml` package.
 */
export function locateScalarEntry(text: string, path: readonly (string | number)[]): { line: number; column: number } | undefined {
  if (path.length !== 2 || typeof path[0] !== 'string' || typeof path[1] !== 'string') return undefined;
  return scalarEntries(text, path[0])?.get(path[1]) ?? undefined;
}

/** locateScalarEntry for every key of the section `top`, in one scan (undefined: none can be located by a scan). */
export function scalarEntries(text: string, top: string): EntryPositions | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const out: EntryPositions = new Map();
  let pos = 0;
  let line = 0;
  let inTop = false;
  let childIndent = -1;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    line++;
    let indent = pos;
    while (text.charCodeAt(indent) === 32) indent++;
    const c = text.charCodeAt(indent);
    // a content line: not blank, not a comment
    if (indent < end && c !== 35 && !(c === 13 && indent === end - 1)) {
      const col = indent - pos;
      if (col === 0) {
        if (inTop) return out;
        const m = entryAt(text, pos, end);
        inTop = m !== null && m.keyEnd - pos === top.length && text.startsWith(top, pos);
      } else if (inTop) {
        if (childIndent < 0) childIndent = col;
        if (col === childIndent) {
          const m = entryAt(text, indent, end);
          const key = m && text.slice(indent, m.keyEnd);
          if (m && !out.has(key!)) {
            const at = m.valueAt;
            const v = text.charCodeAt(at);
            // a scalar or a one-line flow collection on the key's line; block collections and scalars, comments
            // and empty values are left to `yaml`
            out.set(key!, at >= end || v === 13 || v === 35 || v === 124 || v === 62 ? null : { line, column: at - pos + 1 });
          }
        }
      }
    }
    pos = end + 1;
  }
  return out;
}

/**
 * The same for a JSON text that JSON.parse accepted: where the value of `top.key` starts, as the `yaml` package
 * (which reads JSON as YAML) locates it (a collection value at its opening bracket). Undefined for every text whose reading by
 * `yaml` could differ (tabs, carriage returns, keys with escapes or over 1,000 characters, a line break between
 * a key and its colon, duplicate keys anywhere): the caller then asks the `yaml` package.
 */
export function locateJsonEntry(text: string, path: readonly (string | number)[]): { line: number; column: number } | undefined {
  if (path.length !== 2 || typeof path[0] !== 'string' || typeof path[1] !== 'string') return undefined;
  return jsonEntries(text, path[0])?.get(path[1]) ?? undefined;
}

/** locateJsonEntry for every key of the object `top`, in one scan (undefined: none can be located by a scan). */
export function jsonEntries(text: string, top: string): EntryPositions | undefined {
  if (text.charCodeAt(0) === 0xfeff || text.includes('\t') || text.includes('\r')) return undefined;
  let line = 1;
  let lineStart = 0;
  // For each open collection: the keys seen (objects) or null (arrays).
  const stack: (Set<string> | null)[] = [];
  let inTop = false;
  const found: EntryPositions = new Map();
  let expectKey = false;
  const n = text.length;
  // 0 stands for "somewhere": the first string looks for it (an indexOf here made the whole scan 6× slower on
  // Chinese text under TurboFan; `includes` does not)
  let backslash = text.includes('\\') ? 0 : -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c === 32) continue;
    if (c === 123 || c === 91) {
      // { or [: in the top object (depth 2 once pushed) nothing is located inside a collection
      stack.push(c === 123 ? new Set() : null);
      expectKey = c === 123;
      continue;
    }
    if (c === 125 || c === 93) {
      stack.pop();
      if (stack.length === 1) inTop = false;
      expectKey = false;
      continue;
    }
    if (c === 44) {
      expectKey = stack[stack.length - 1] !== null;
      continue;
    }
    if (c === 34) {
      // a string: its end is the first quote not escaped (a string has no line break: JSON.parse accepted the text)
      let j = text.indexOf('"', i + 1);
      // the next backslash of the text, searched again only once the scan has passed it (linear in all)
      if (backslash >= 0 && backslash <= i) backslash = text.indexOf('\\', i + 1);
      const escaped = backslash >= 0 && (j < 0 || backslash < j);
      if (escaped) {
        j = i + 1;
        for (; j < n; j++) {
          const d = text.charCodeAt(j);
          if (d === 92) j++;
          else if (d === 34) break;
        }
      } else if (j < 0) j = n;
      if (expectKey) {
        if (escaped || j - i > 1000) return undefined;
        const k = text.slice(i + 1, j);
        const keys = stack[stack.length - 1]!;
        if (keys.has(k)) return undefined;
        keys.add(k);
        // the colon must follow on the same line
        let m = j + 1;
        while (text.charCodeAt(m) === 32) m++;
        if (text.charCodeAt(m) !== 58) return undefined;
        m++;
        if (stack.length === 1) inTop = k === top;
        else if (stack.length === 2 && inTop) {
          let v = m;
          while (text.charCodeAt(v) === 32) v++;
          // a value on the next line is left to `yaml`
          found.set(k, text.charCodeAt(v) === 10 ? null : { line, column: v - lineStart + 1 });
        }
        i = m - 1;
        expectKey = false;
      } else i = j;
      continue;
    }
    // a number, true, false or null: skip to its end (a space, comma, closing bracket or line break)
    for (let d = text.charCodeAt(i + 1); i + 1 < n && d !== 32 && d !== 44 && d !== 125 && d !== 93 && d !== 10; d = text.charCodeAt(i + 1)) i++;
  }
  return found;
}
