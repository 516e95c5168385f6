/** Document blocks (./blocks.ts) as Markdown; every string escaped with Markdown's own escapes (src/report/escape.ts). */
import type { Comparison } from '../../core/compare.js';
import type { Lang } from '../../core/types.js';
import { escapeMarkdown } from '../escape.js';
import type { Block, Inline } from './blocks.js';
import { compareDocument } from './document.js';

const mdInline = (i: Inline) => (typeof i === 'string' ? escapeMarkdown(i) : i.strong && i.text ? `**${escapeMarkdown(i.text)}**` : escapeMarkdown(i.text));
const mdRow = (cells: string[]) => `| ${cells.join(' | ')} |`;

export function blocksToMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`);
        break;
      case 'paragraph':
        out.push(b.quiet ? `*${b.content.map(mdInline).join('')}*` : b.content.map(mdInline).join(''));
        break;
      case 'callout':
        out.push(`> ${b.content.map(mdInline).join('')}`);
        break;
      case 'list':
        out.push(b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n'));
        break;
      case 'table':
        out.push([mdRow(b.head.map(escapeMarkdown)), mdRow(b.head.map(() => '---')), ...b.rows.map((r) => mdRow(r.map(mdInline)))].join('\n'));
        break;
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

/** The progress report as Markdown, in one language. */
export function renderCompareMarkdown(c: Comparison, lang: Lang): string {
  return blocksToMarkdown(compareDocument(c, lang));
}
