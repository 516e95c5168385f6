/**
 * WordprocessingML tables, written straight to XML text like ./document.ts: Table, TableRow, TableCell with the
 * options the reports use (widths, fixed layout, borders, shading, margins, spans, header rows that repeat on every
 * page, rows that do not split). Elements follow the order of the schema (CT_TblPr, CT_TrPr, CT_TcPr).
 */
import { border, type Border, type Paragraph } from './document.js';
import { el, flat, val } from './xml.js';

export const WidthType = { DXA: 'dxa', PERCENTAGE: 'pct', AUTO: 'auto' } as const;
export const ShadingType = { CLEAR: 'clear', SOLID: 'solid' } as const;
export const TableLayoutType = { FIXED: 'fixed', AUTOFIT: 'autofit' } as const;
export const HeightRule = { ATLEAST: 'atLeast', EXACT: 'exact', AUTO: 'auto' } as const;
export const VerticalAlign = { TOP: 'top', CENTER: 'center', BOTTOM: 'bottom' } as const;

/** A width: twips (dxa), fiftieths of a percent (pct) or auto. */
export interface Width {
  size: number;
  type: (typeof WidthType)[keyof typeof WidthType];
}
export interface Shading {
  fill: string;
  type: (typeof ShadingType)[keyof typeof ShadingType];
  color: string;
}
type Sides<T> = { top?: T; left?: T; bottom?: T; right?: T };

const width = (name: string, w: Width) => el(name, { 'w:type': w.type, 'w:w': w.size });
/** Border sides in schema order (top, left, bottom, right, insideH, insideV). */
const borders = (name: string, b: Sides<Border> & { insideHorizontal?: Border; insideVertical?: Border }) => {
  let x = '';
  if (b.top) x += border('top', b.top);
  if (b.left) x += border('left', b.left);
  if (b.bottom) x += border('bottom', b.bottom);
  if (b.right) x += border('right', b.right);
  if (b.insideHorizontal) x += border('insideH', b.insideHorizontal);
  if (b.insideVertical) x += border('insideV', b.insideVertical);
  return x ? `<${name}>${x}</${name}>` : '';
};
const margin = (side: string, v: number | undefined) => (v === undefined ? '' : el(`w:${side}`, { 'w:type': 'dxa', 'w:w': v }));

export interface TableCellOptions {
  /** Paragraphs (a cell needs at least one: an empty one is written when there are none). */
  children: (Paragraph | Table)[];
  width?: Width;
  columnSpan?: number;
  borders?: Sides<Border>;
  shading?: Shading;
  /** Twips. */
  margins?: Sides<number>;
  verticalAlign?: (typeof VerticalAlign)[keyof typeof VerticalAlign];
}

export class TableCell {
  readonly xml: string;
  constructor(o: TableCellOptions) {
    let p = '';
    if (o.width) p += width('w:tcW', o.width);
    if (o.columnSpan && o.columnSpan > 1) p += val('w:gridSpan', o.columnSpan);
    if (o.borders) p += borders('w:tcBorders', o.borders);
    if (o.shading) p += el('w:shd', { 'w:fill': o.shading.fill, 'w:color': o.shading.color, 'w:val': o.shading.type });
    if (o.margins) {
      const m = margin('top', o.margins.top) + margin('left', o.margins.left) + margin('bottom', o.margins.bottom) + margin('right', o.margins.right);
      if (m) p += `<w:tcMar>${m}</w:tcMar>`;
    }
    if (o.verticalAlign) p += val('w:vAlign', o.verticalAlign);
    let body = '';
    for (const c of o.children) body += c.xml;
    // A cell must end with a paragraph.
    if (!o.children.length || o.children[o.children.length - 1] instanceof Table) body += '<w:p/>';
    this.xml = `<w:tc>${p ? `<w:tcPr>${p}</w:tcPr>` : ''}${body}</w:tc>`;
  }
}

export interface TableRowOptions {
  children: TableCell[];
  /** Repeat this row at the top of every page the table runs onto. */
  tableHeader?: boolean;
  /** Keep the row on one page. */
  cantSplit?: boolean;
  /** Twips. */
  height?: { value: number; rule: (typeof HeightRule)[keyof typeof HeightRule] };
}

export class TableRow {
  readonly xml: string;
  constructor(o: TableRowOptions) {
    let p = '';
    if (o.cantSplit) p += '<w:cantSplit/>';
    if (o.height) p += el('w:trHeight', { 'w:val': o.height.value, 'w:hRule': o.height.rule });
    if (o.tableHeader) p += '<w:tblHeader/>';
    let cells = '';
    for (const c of o.children) cells += c.xml;
    this.xml = `<w:tr>${p ? `<w:trPr>${p}</w:trPr>` : ''}${cells}</w:tr>`;
  }
}

export interface TableOptions {
  rows: TableRow[];
  width?: Width;
  /** The grid: one width (twips) per column. */
  /** One width per column (twips): Word refuses a table without its column grid. */
  columnWidths: number[];
  layout?: (typeof TableLayoutType)[keyof typeof TableLayoutType];
  borders?: Sides<Border> & { insideHorizontal?: Border; insideVertical?: Border };
}

export class Table {
  readonly xml: string;
  constructor(o: TableOptions) {
    let p = '';
    if (o.width) p += width('w:tblW', o.width);
    if (o.borders) p += borders('w:tblBorders', o.borders);
    if (o.layout) p += el('w:tblLayout', { 'w:type': o.layout });
    let grid = '';
    for (const w of o.columnWidths) grid += el('w:gridCol', { 'w:w': w });
    let rows = '';
    for (const r of o.rows) rows += r.xml;
    this.xml = flat(`<w:tbl><w:tblPr>${p}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>`);
  }
}
