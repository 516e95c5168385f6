/**
 * XML text for the OOXML parts (./document.ts, ./package.ts): every text and attribute value goes through `escapeXml`,
 * which removes what XML 1.0 does not allow (control characters other than tab, newline and carriage return, lone
 * UTF-16 surrogates, U+FFFE and U+FFFF) and escapes & < > " '. Elements are built as strings, joined once per part.
 */

/** One test for the common case: nothing to escape or remove. */
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"']/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value made safe for XML 1.0: characters XML does not allow removed, & < > " ' escaped. */
export function escapeXml(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : value;
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(NOT_XML, '').replace(SPECIAL, (c) => ENTITY[c]!);
}

export type Attrs = Readonly<Record<string, string | number | undefined>>;

/** ` name="value"` for each defined attribute, in the order given (the order some readers and tests expect). */
export function attrs(a: Attrs): string {
  let out = '';
  for (const k in a) {
    const v = a[k];
    if (v !== undefined) out += ` ${k}="${escapeXml(v)}"`;
  }
  return out;
}

/** An element: `<name a="…"/>` when empty, `<name a="…">inner</name>` otherwise (inner is XML, already escaped). */
export function el(name: string, a: Attrs | null = null, inner = ''): string {
  const at = a ? attrs(a) : '';
  return inner ? `<${name}${at}>${inner}</${name}>` : `<${name}${at}/>`;
}

/** `<name w:val="value"/>`, the commonest WordprocessingML element. */
export const val = (name: string, value: string | number) => `<${name} w:val="${escapeXml(value)}"/>`;

/**
 * `xml`, made one flat string in memory; the text is the same. An element's XML is made by concatenation, which V8
 * keeps as a tree of the pieces (cons strings): a report's document.xml would be one tree of some hundred thousand
 * pieces spread over the heap, flattened only when the part is joined for the ZIP, slowly (≈ 4 ms of a batch's DOCX
 * report). Reading a character makes V8 flatten a string. Done as each paragraph and each table is made (the
 * elements a body holds; a table's cells and rows are made just before it), its pieces are still young and in the
 * cache: a batch's DOCX report is built and packed in ≈ 9.5 ms of CPU instead of ≈ 13 (flattening cells and rows
 * too copied their text once more for nothing).
 */
export function flat(xml: string): string {
  xml.charCodeAt(0);
  return xml;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The WordprocessingML and relationships namespaces, declared on every part's root element. */
export const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
