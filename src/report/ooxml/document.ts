/**
 * WordprocessingML runs and paragraphs, written straight to XML text: a small API in the spirit of the `docx`
 * library's (TextRun, Paragraph, AlignmentType, HeadingLevel…) with only what the reports use. Each element is
 * serialised when it is made (its `xml`), so a document is a list of strings joined once. Elements follow the
 * order of the schema (ECMA-376 CT_PPr, CT_RPr), which Word checks.
 */
import { el, escapeXml, flat, val } from './xml.js';

export const AlignmentType = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFIED: 'both' } as const;
export type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Paragraph styles of ./styles.ts: the built-in Title and Heading1–3 (Word's navigation pane lists the headings). */
export const HeadingLevel = { TITLE: 'Title', HEADING_1: 'Heading1', HEADING_2: 'Heading2', HEADING_3: 'Heading3' } as const;
export type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];

export const BorderStyle = { SINGLE: 'single', NONE: 'none' } as const;
/** A border line: style, width in eighths of a point, colour (hex RGB or 'auto'), and space in points (paragraphs). */
export interface Border {
  style: (typeof BorderStyle)[keyof typeof BorderStyle];
  size: number;
  color: string;
  space?: number;
}
/** `<w:top w:val="single" w:color="…" w:sz="4"/>` and the like. */
export const border = (side: string, b: Border) => el(`w:${side}`, { 'w:val': b.style, 'w:color': b.color, 'w:sz': b.size, 'w:space': b.space });

/** Fonts of a run: Latin (ascii, hAnsi), complex script, East Asian, and which slot ambiguous characters use. */
export interface Fonts {
  ascii: string;
  hAnsi: string;
  cs: string;
  eastAsia: string;
  hint?: 'eastAsia' | 'default' | 'cs';
}

/** A page field in a run's children: the current page or the number of pages. */
export interface PageField {
  field: 'PAGE' | 'NUMPAGES';
}
export const PageNumber = { CURRENT: { field: 'PAGE' }, TOTAL_PAGES: { field: 'NUMPAGES' } } as const satisfies Record<string, PageField>;

export interface RunOptions {
  text?: string;
  /** Text and page fields, in order (the footer's "page / pages"). */
  children?: (string | PageField)[];
  bold?: boolean;
  italics?: boolean;
  /** Hex RGB, e.g. '1F4E8C'. */
  color?: string;
  /** Half-points (21 = 10.5 pt). */
  size?: number;
  font?: Fonts;
  language?: { value: string; eastAsia?: string };
  /** Line breaks before the text. */
  break?: number;
}

/** The run properties `<w:rPr>` (empty string when there are none); also the run part of a style. */
export function runProperties(o: RunOptions): string {
  let p = '';
  if (o.font) p += el('w:rFonts', { 'w:ascii': o.font.ascii, 'w:hAnsi': o.font.hAnsi, 'w:cs': o.font.cs, 'w:eastAsia': o.font.eastAsia, 'w:hint': o.font.hint });
  if (o.bold) p += '<w:b/><w:bCs/>';
  if (o.italics) p += '<w:i/><w:iCs/>';
  if (o.color) p += val('w:color', o.color);
  if (o.size !== undefined) p += val('w:sz', o.size) + val('w:szCs', o.size);
  if (o.language) p += el('w:lang', { 'w:val': o.language.value, 'w:eastAsia': o.language.eastAsia });
  return p ? `<w:rPr>${p}</w:rPr>` : '';
}

const textElement = (t: string) => `<w:t xml:space="preserve">${escapeXml(t)}</w:t>`;

/** A field as Word writes it: begin, instruction, separate, end, each in its own run; no stale result (readers compute it). */
const field = (rPr: string, f: PageField) =>
  `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> ${f.field} </w:instrText></w:r><w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`;

/** A run of text with one formatting (or, with page fields among its children, several runs of it). */
export class TextRun {
  readonly xml: string;
  constructor(o: RunOptions | string) {
    const opts = typeof o === 'string' ? { text: o } : o;
    const rPr = runProperties(opts);
    const breaks = opts.break ? '<w:br/>'.repeat(opts.break) : '';
    if (!opts.children) {
      this.xml = `<w:r>${rPr}${breaks}${textElement(opts.text ?? '')}</w:r>`;
      return;
    }
    let xml = breaks || opts.text !== undefined ? `<w:r>${rPr}${breaks}${opts.text !== undefined ? textElement(opts.text) : ''}</w:r>` : '';
    for (const c of opts.children) xml += typeof c === 'string' ? `<w:r>${rPr}${textElement(c)}</w:r>` : field(rPr, c);
    this.xml = xml;
  }
}
export type ParagraphChild = TextRun;

export interface ParagraphOptions {
  children?: ParagraphChild[];
  text?: string;
  heading?: Heading;
  /** A bullet of the one bullet list of ./package.ts (numbering 1), at this level (0–8). */
  bullet?: { level: number };
  alignment?: Alignment;
  /** Twips; `line` in 240ths of a line (312 = 1.3 lines). */
  spacing?: { before?: number; after?: number; line?: number };
  border?: { top?: Border; bottom?: Border };
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  keepLines?: boolean;
  /** Outline level (0 = level 1), for heading styles. */
  outlineLevel?: number;
}

/** The paragraph properties, without the `<w:pPr>` wrapper (also the paragraph part of a style), in schema order. */
export function paragraphProperties(o: ParagraphOptions): string {
  let p = '';
  if (o.heading) p += val('w:pStyle', o.heading);
  else if (o.bullet) p += '<w:pStyle w:val="ListParagraph"/>';
  if (o.keepNext) p += '<w:keepNext/>';
  if (o.keepLines) p += '<w:keepLines/>';
  if (o.pageBreakBefore) p += '<w:pageBreakBefore/>';
  if (o.bullet) p += `<w:numPr>${val('w:ilvl', o.bullet.level)}<w:numId w:val="1"/></w:numPr>`;
  if (o.border && (o.border.top || o.border.bottom)) p += `<w:pBdr>${o.border.top ? border('top', o.border.top) : ''}${o.border.bottom ? border('bottom', o.border.bottom) : ''}</w:pBdr>`;
  if (o.spacing) p += el('w:spacing', { 'w:before': o.spacing.before, 'w:after': o.spacing.after, 'w:line': o.spacing.line });
  if (o.alignment) p += val('w:jc', o.alignment);
  if (o.outlineLevel !== undefined) p += val('w:outlineLvl', o.outlineLevel);
  return p;
}

/** A paragraph: its properties and runs. `new Paragraph('text')` is a paragraph of one plain run. */
export class Paragraph {
  readonly xml: string;
  constructor(o: ParagraphOptions | string) {
    const opts = typeof o === 'string' ? { text: o } : o;
    const pPr = paragraphProperties(opts);
    let runs = opts.text !== undefined ? new TextRun(opts.text).xml : '';
    if (opts.children) for (const c of opts.children) runs += c.xml;
    this.xml = flat(`<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`);
  }
}
