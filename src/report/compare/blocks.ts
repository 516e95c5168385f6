/**
 * A document as a list of plain-text blocks (headings, paragraphs, tables): the progress report of `zhizao compare`
 * is laid out once in this form (./document.ts) and rendered to Markdown, HTML or DOCX. Blocks hold plain text, never
 * markup: each renderer escapes every string for its own format.
 */

/** A run of plain text (never markup); `strong` for emphasis. */
export type Inline = string | { text: string; strong?: boolean };
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[]; quiet?: boolean }
  | { kind: 'callout'; content: Inline[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: Inline[][]; numeric?: number[] };

/** The document's title: its first heading. */
export const documentTitle = (blocks: readonly Block[]): string | undefined => blocks.find((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading')?.text;
