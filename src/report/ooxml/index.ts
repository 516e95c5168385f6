/** Our own OOXML writer (no `docx` library): runs and paragraphs, tables, styles, the package and its ZIP. */
export { AlignmentType, BorderStyle, HeadingLevel, PageNumber, Paragraph, TextRun, type Fonts, type ParagraphChild, type ParagraphOptions, type RunOptions } from './document.js';
export { HeightRule, ShadingType, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from './table.js';
export { Document, Footer, Header, packDocx } from './package.js';
export type { StylesOptions } from './styles.js';
