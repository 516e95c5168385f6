import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/messages/safe-text';
import { cleanText } from '../../src/report/escape';

/** cleanText without its fast path: sanitizeText, then lone surrogates to U+FFFD and non-characters removed. */
const reference = (s: unknown) =>
  sanitizeText(s)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\uFFFE\uFFFF]/g, '');

describe('cleanText: one test for a string with nothing to remove, the same result as without it', () => {
  it('on any UTF-16 string (controls, bidi marks, lone surrogates, non-characters) and on non-strings', () => {
    const odd = fc.constantFrom('\u202E', '\u2066', '\u200F', '\u061C', '\u0000', '\u0007', '\u000B', '\u001F', '\u007F', '\u0085', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\t', '\n', '\r', '😀', '郑');
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), odd), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(cleanText(s)).toBe(reference(s));
      }),
      { numRuns: 3000, seed: 21 },
    );
    for (const v of [null, undefined, 42, true]) expect(cleanText(v)).toBe(reference(v));
  });
});
