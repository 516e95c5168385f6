import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/messages/safe-text';
import { escapeMarkdown, markdownEscapes } from '../../src/report/escape';

describe('escapeMarkdown: one test for a string with nothing to escape, the same result as every escape applied', () => {
  it('on strings made of Markdown syntax, block markers, links, entities, controls and Chinese text', () => {
    const piece = fc.constantFrom('\\', '`', '*', '[', ']', '|', '~', '_', 'a_b', '_x', '<a', '</', '<!', '<?', '< ', '&amp;', '&#1;', '& ', '#', '# ', '>', '- ', '+ ', '=', '1. ', '2) ', '12.', ' ', '\t', '\n', '\r\n', '\r', 'http://', 'WWW.', 'www.x', 'xwww.', ':/', '//', '郑州', 'L3', '\u202E', '\u0000');
    const text = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 10 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(escapeMarkdown(s)).toBe(markdownEscapes(sanitizeText(s)));
      }),
      { numRuns: 5000, seed: 12 },
    );
    for (const v of [null, undefined, 42, true, '']) expect(escapeMarkdown(v)).toBe(markdownEscapes(sanitizeText(v)));
  });

  it('escapes what it must (the fast path is not a pass-through)', () => {
    expect(escapeMarkdown('# 标题 *粗* [链接](http://x) a|b')).toBe('\\# 标题 \\*粗\\* \\[链接\\](http:\\/\\/x) a\\|b');
    expect(escapeMarkdown('1. 第一')).toBe('\\1. 第一');
    expect(escapeMarkdown('关键工序数控化率 52 %')).toBe('关键工序数控化率 52 %');
  });
});
