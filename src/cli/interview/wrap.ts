/**
 * Terminal text layout for the interview: display width (East Asian characters take two columns) and wrapping at
 * word boundaries, so that inquirer (which breaks lines at the terminal width, mid-word) never has to.
 */
import { displayWidth, padDisplay } from '../display-width.js';
export { displayWidth, padDisplay };

/** Characters that may not start a line (Chinese and Western closing punctuation): they stay with what precedes them. */
const NO_LINE_START = /^[，。、；：！？）》」』】〕,.;:!?)\]}%％…—]/;

/** Words, spaces, single wide characters and colour codes. */
const TOKEN = /\x1b\[[0-9;]*m|[ \t]+|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]|[\u{20000}-\u{3fffd}]|[^ \t\x1b\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]+|\x1b/gu;

/**
 * Wrap one line of text to `width` columns at spaces (and between Chinese characters), never inside a word
 * unless the word alone is wider than a line. Continuation lines start with `indent`.
 */
export function wrapLine(text: string, width: number, indent = ''): string[] {
  const max = Math.max(10, width);
  if (displayWidth(text) <= max) return [text];
  const tokens = text.match(TOKEN) ?? [text];
  // Keep closing punctuation with the token before it.
  const merged: string[] = [];
  for (const t of tokens) {
    if (merged.length && NO_LINE_START.test(t) && !/^[ \t]/.test(merged[merged.length - 1]!)) merged[merged.length - 1] += t;
    else merged.push(t);
  }
  const lines: string[] = [];
  let line = '';
  let w = 0;
  const push = () => {
    lines.push(line.replace(/[ \t]+$/, ''));
    line = indent;
    w = displayWidth(indent);
  };
  for (const t of merged) {
    const tw = displayWidth(t);
    if (/^[ \t]+$/.test(t)) {
      if (w + tw <= max && w > displayWidth(indent)) {
        line += t;
        w += tw;
      }
      continue;
    }
    if (w + tw > max && w > displayWidth(indent)) push();
    if (tw > max - displayWidth(indent)) {
      // A word wider than a line: break it where it must.
      for (const ch of t) {
        const cw = displayWidth(ch);
        if (w + cw > max) push();
        line += ch;
        w += cw;
      }
      continue;
    }
    line += t;
    w += tw;
  }
  if (line.trim() !== '' || !lines.length) lines.push(line.replace(/[ \t]+$/, ''));
  return lines;
}

/** Wrap every line of a multi-line text. */
export function wrapText(text: string, width: number, indent = ''): string {
  return text
    .split('\n')
    .flatMap((l) => wrapLine(l, width, indent))
    .join('\n');
}

/** A text cut to `columns` display columns, with `…` where it was cut (a question named in a prompt's header). */
export function shorten(text: string, columns: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= columns) return flat;
  let out = '';
  let w = 0;
  for (const ch of flat) {
    const cw = displayWidth(ch);
    if (w + cw > columns - 1) break;
    out += ch;
    w += cw;
  }
  return out.trimEnd() + '…';
}

/** The width to lay text out for: the terminal's columns (80 when unknown), less one so no line ends at the edge. */
export function terminalWidth(stream: { columns?: number } = process.stdout): number {
  return Math.max(20, (stream.columns && stream.columns > 0 ? stream.columns : 80) - 1);
}
