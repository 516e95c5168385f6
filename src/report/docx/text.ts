/**
 * Text in the DOCX report: one language, or both ("中文 / English" inline; on separate lines in blocks, the English
 * lighter), always cleaned for WordprocessingML. A Writer holds these rules for one report, with the paragraph
 * kinds built on them, so that every text goes through the same language rules.
 */
import { AlignmentType, HeadingLevel, Paragraph, TextRun, type ParagraphChild, type ParagraphOptions, type RunOptions } from '../ooxml/index.js';
import { isText, type Text } from '../../core/types.js';
import type { ReportLang } from '../handlebars-env.js';
import { cleanText } from '../escape.js';
import { COLOR } from './styles.js';

/** Text safe for WordprocessingML: no bidi overrides or control characters, no lone surrogates. */
export const clean = cleanText;

type ParagraphExtra = Omit<ParagraphOptions, 'children' | 'text'>;

/** A wording table as a function of its keys (the wording schema guarantees every key the layout uses). */
const lookup = (table: Readonly<Record<string, Text>>) => (key: string): Text => table[key] ?? { zh: key, en: key };

export function makeWriter(lang: ReportLang, labels: Readonly<Record<string, Text>>, ui: Readonly<Record<string, Text>>) {
  /** Inline text: one language, or "中文 / English" when both. */
  const say = (t: Text | string | undefined): string => {
    if (t === undefined) return '';
    if (!isText(t)) return clean(t);
    if (lang === 'both') return t.zh === t.en ? clean(t.zh) : `${clean(t.zh)} / ${clean(t.en)}`;
    return clean(t[lang]);
  };
  /** Texts in one line, kept apart by a semicolon of the report's language (items may hold 、 or commas of their own). */
  const sayList = (ts: readonly (Text | string)[]): string => ts.map(say).join(lang === 'en' ? '; ' : '；');
  /** Runs for a block of text: both languages on separate lines, the English lighter. */
  const runs = (t: Text | string | undefined, opts: RunOptions = {}): TextRun[] => {
    if (t === undefined) return [];
    if (!isText(t)) return [new TextRun({ ...opts, text: clean(t) })];
    if (lang === 'both' && t.zh !== t.en) return [new TextRun({ ...opts, text: clean(t.zh) }), new TextRun({ ...opts, text: clean(t.en), break: 1, color: COLOR.muted, size: 18 })];
    return [new TextRun({ ...opts, text: clean(lang === 'both' ? t.zh : t[lang]) })];
  };

  const p = (children: ParagraphChild[] | string | Text, extra: ParagraphExtra = {}) => new Paragraph({ ...extra, children: typeof children === 'string' || isText(children) ? runs(children) : children });
  const h1 = (n: number | null, t: Text, pageBreak = false) => new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: pageBreak, children: [new TextRun({ text: n === null ? say(t) : `${n}. ${say(t)}` })] });
  const h2 = (t: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: t })] });
  const h3 = (t: string) => new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun({ text: t })] });
  const bullet = (children: TextRun[] | string | Text) => new Paragraph({ bullet: { level: 0 }, children: Array.isArray(children) ? children : runs(children) });
  const small = (t: string | Text) => new Paragraph({ children: runs(t, { size: 18, color: COLOR.muted }) });
  const caption = (t: Text) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: runs(t, { size: 18, color: COLOR.muted, italics: true }) });

  return { say, sayList, runs, L: lookup(labels), U: lookup(ui), p, h1, h2, h3, bullet, small, caption };
}

export type Writer = ReturnType<typeof makeWriter>;
