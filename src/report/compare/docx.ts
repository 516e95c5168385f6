/** Document blocks (./blocks.ts) as DOCX: real headings and tables, the fonts and page of src/report/docx/styles.ts. */
import { AlignmentType, BorderStyle, Document, HeadingLevel, packDocx, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from '../ooxml/index.js';
import { sanitizeText } from '../escape.js';
import { CONTENT, FONTS, PAGE as A4 } from '../docx/styles.js';
import type { Comparison } from '../../core/compare.js';
import type { Lang } from '../../core/types.js';
import { documentTitle, type Block, type Inline } from './blocks.js';
import { compareDocument } from './document.js';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: 'D0D7DE' } as const;
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

const run = (i: Inline, extra: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: sanitizeText(typeof i === 'string' ? i : i.text), ...(typeof i !== 'string' && i.strong ? { bold: true } : {}), ...extra });

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const width = Math.floor(CONTENT / b.head.length);
  const cell = (content: Inline, head: boolean, numeric: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(head ? { shading: { fill: 'E8EEF6', type: ShadingType.CLEAR, color: 'auto' } } : {}),
      children: [new Paragraph({ ...(numeric ? { alignment: AlignmentType.RIGHT } : {}), children: [run(content, head ? { bold: true } : {})] })],
    });
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: b.head.map(() => width),
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: b.head.map((h) => cell(h, true, false)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, b.numeric?.includes(i) ?? false)) })),
    ],
  });
}

/** A DOCX from plain document blocks (the progress report of `compare`): real headings and tables, CJK fonts. */
export async function renderDocxBlocks(blocks: Block[], title: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') children.push(new Paragraph({ heading: HEADINGS[b.level - 1], children: [run(b.text)] }));
    else if (b.kind === 'paragraph' || b.kind === 'callout') children.push(new Paragraph({ children: b.content.map((i) => run(i, b.kind === 'paragraph' && b.quiet ? { size: 18 } : {})) }));
    else if (b.kind === 'list') for (const item of b.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [run(item)] }));
    else {
      children.push(table(b));
      children.push(new Paragraph('')); // Word merges tables that touch
    }
  }
  const heading = (size: number) => ({ font: FONTS.heading, size, bold: true, color: '1F4E8C' });
  const doc = new Document({
    title: sanitizeText(title),
    styles: {
      default: {
        document: { run: { font: FONTS.body, size: 21, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
        heading1: { run: heading(32), paragraph: { spacing: { before: 360, after: 180 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: heading(26), paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, outlineLevel: 1 } },
        heading3: { run: heading(22), paragraph: { spacing: { before: 220, after: 80 }, keepNext: true, outlineLevel: 2 } },
      },
    },
    sections: [{ properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: A4.top, bottom: A4.bottom, left: A4.side, right: A4.side } } }, children }],
  });
  return packDocx(doc);
}

/** The progress report of `zhizao compare --format docx`, in one language. */
export async function renderCompareDocx(c: Comparison, lang: Lang): Promise<Uint8Array> {
  const blocks = compareDocument(c, lang);
  return renderDocxBlocks(blocks, documentTitle(blocks) ?? 'zhizao');
}
