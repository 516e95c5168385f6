/**
 * Document blocks (./blocks.ts) as one self-contained HTML file: inline CSS (./html-style.ts), no script, no remote
 * loads, a Content-Security-Policy that forbids both; prints to A4. Every string escaped (src/report/escape.ts).
 */
import type { Comparison } from '../../core/compare.js';
import type { Lang } from '../../core/types.js';
import { escapeHtml } from '../escape.js';
import { documentTitle, type Block, type Inline } from './blocks.js';
import { compareDocument } from './document.js';
import { plantText } from './format.js';
import { COMPARE_CSS } from './html-style.js';

const htmlInline = (i: Inline) => (typeof i === 'string' ? escapeHtml(i) : i.strong && i.text ? `<strong>${escapeHtml(i.text)}</strong>` : escapeHtml(i.text));

export function blocksToHtml(blocks: Block[], lang: Lang, title: string): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case 'paragraph':
        out.push(`<p${b.quiet ? ' class="quiet"' : ''}>${b.content.map(htmlInline).join('')}</p>`);
        break;
      case 'callout':
        out.push(`<p class="callout">${b.content.map(htmlInline).join('')}</p>`);
        break;
      case 'list':
        out.push(`<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
        break;
      case 'table': {
        const num = new Set(b.numeric ?? []);
        const head = `<thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
        const rows = b.rows.map((r) => `<tr>${r.map((cell, i) => `<td${num.has(i) ? ' class="num"' : ''}>${htmlInline(cell)}</td>`).join('')}</tr>`).join('\n');
        out.push(`<table>${head}<tbody>\n${rows}\n</tbody></table>`);
        break;
      }
    }
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${COMPARE_CSS}</style>`,
    '</head>',
    '<body>',
    ...out,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The progress report as one self-contained HTML file (no script, no remote loads; prints to A4). */
export function renderCompareHtml(c: Comparison, lang: Lang): string {
  const blocks = compareDocument(c, lang);
  const plant = plantText(c.followup) || plantText(c.baseline);
  return blocksToHtml(blocks, lang, [documentTitle(blocks) ?? '', plant].filter(Boolean).join(' — '));
}
