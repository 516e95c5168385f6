/**
 * Tables in the DOCX report: real tables with a repeated header row, rows that do not split across pages and fixed
 * column widths; and bar charts drawn as tables of shaded cells (20 cells = the scale), not images: they need no
 * rasteriser at run time, render the same in Word, WPS and LibreOffice (SVG images need Word 2016+; WPS and older
 * Word show only a PNG fallback), stay editable, print crisply and keep their numbers as searchable text.
 */
import { AlignmentType, BorderStyle, HeightRule, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from '../ooxml/index.js';
import { isText, type Text } from '../../core/types.js';
import { COLOR, CONTENT } from './styles.js';
import type { Writer } from './text.js';

/** A table cell: text, paragraphs, or either with a fill, bold text or an alignment. */
export type Cell = string | Text | Paragraph[] | { content: string | Text | Paragraph[]; fill?: string; bold?: boolean; align?: 'right' | 'center' };

/** The cells of a bar chart's scale. */
export const BAR_CELLS = 20;

export function makeTables(w: Writer) {
  const { runs } = w;
  const cellParas = (c: Cell): { paras: Paragraph[]; fill?: string } => {
    const spec = typeof c === 'object' && !Array.isArray(c) && !isText(c) ? c : { content: c };
    const align = spec.align === 'right' ? AlignmentType.RIGHT : spec.align === 'center' ? AlignmentType.CENTER : undefined;
    const content = spec.content;
    const paras = Array.isArray(content) ? content : [new Paragraph({ ...(align ? { alignment: align } : {}), children: runs(content, spec.bold ? { bold: true } : {}) })];
    return { paras, ...(spec.fill ? { fill: spec.fill } : {}) };
  };

  /** A real table: a repeated header row, rows that do not split across pages, fixed column widths (twips). */
  const table = (headers: (string | Text)[] | null, rows: Cell[][], widths: number[]) => {
    const total = widths.reduce((a, b) => a + b, 0);
    const scaled = widths.map((w) => Math.floor((w / total) * CONTENT));
    const mk = (c: Cell, i: number, head: boolean) => {
      const { paras, fill } = cellParas(head ? { content: c as string | Text, bold: true } : c);
      return new TableCell({
        children: paras,
        width: { size: scaled[i] ?? 0, type: WidthType.DXA },
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        ...(head ? { shading: { fill: COLOR.headFill, type: ShadingType.CLEAR, color: 'auto' } } : fill ? { shading: { fill, type: ShadingType.CLEAR, color: 'auto' } } : {}),
      });
    };
    const line = { style: BorderStyle.SINGLE, size: 4, color: COLOR.line };
    return new Table({
      width: { size: CONTENT, type: WidthType.DXA },
      columnWidths: scaled,
      layout: TableLayoutType.FIXED,
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [
        ...(headers ? [new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => mk(h, i, true)) })] : []),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => mk(c, i, false)) })),
      ],
    });
  };

  /**
   * A horizontal bar chart as a table: label | 20 shaded cells (the scale) | value text. `cells[i]` gives cell i's
   * colour; `marker` draws the target as a thick right border after that cell.
   */
  const barChart = (rows: { label: Text | string; cells: (string | undefined)[]; marker?: number; text: string }[], scaleText: string[]) => {
    const labelW = 2900;
    const textW = 1900;
    const cellW = Math.floor((CONTENT - labelW - textW) / BAR_CELLS);
    const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
    const white = { style: BorderStyle.SINGLE, size: 12, color: COLOR.white };
    const widths = [labelW, ...Array<number>(BAR_CELLS).fill(cellW), textW];
    const scaleRow = new TableRow({
      tableHeader: true,
      children: [
        new TableCell({ children: [new Paragraph('')], width: { size: labelW, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none } }),
        ...scaleText.map((s) => new TableCell({ columnSpan: BAR_CELLS / (scaleText.length), children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: s, size: 14, color: COLOR.muted })] })], width: { size: cellW * (BAR_CELLS / scaleText.length), type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none } })),
        new TableCell({ children: [new Paragraph('')], width: { size: textW, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none } }),
      ],
    });
    return new Table({
      width: { size: CONTENT, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        scaleRow,
        ...rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              height: { value: 340, rule: HeightRule.ATLEAST },
              children: [
                new TableCell({ verticalAlign: VerticalAlign.CENTER, width: { size: labelW, type: WidthType.DXA }, margins: { right: 100 }, children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(r.label, { size: 18 }) })] }),
                ...r.cells.map(
                  (fill, i) =>
                    new TableCell({
                      width: { size: cellW, type: WidthType.DXA },
                      children: [new Paragraph({ children: [new TextRun({ text: '', size: 12 })] })],
                      shading: { fill: fill ?? COLOR.track, type: ShadingType.CLEAR, color: 'auto' },
                      borders: { top: white, bottom: white, left: none, right: r.marker === i ? { style: BorderStyle.SINGLE, size: 24, color: COLOR.target } : none },
                    }),
                ),
                new TableCell({ verticalAlign: VerticalAlign.CENTER, width: { size: textW, type: WidthType.DXA }, margins: { left: 100 }, children: [new Paragraph({ children: [new TextRun({ text: r.text, size: 18 })] })] }),
              ],
            }),
        ),
      ],
    });
  };

  /** A label | value row of a key–value table, the key bold on a soft fill. */
  const kv = (k: Text, v: string | Text | Paragraph[]): Cell[] => [{ content: k, bold: true, fill: COLOR.soft }, v];

  return { table, barChart, kv };
}

export type Tables = ReturnType<typeof makeTables>;
