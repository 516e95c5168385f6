import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/io/decode';

/** The decoder this replaced: a fatal UTF-8 TextDecoder after one BOM is taken off, else GB18030. */
function reference(bytes: Uint8Array): { text: string; encoding: string } {
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}

describe('decodeText: the same text as a fatal TextDecoder, else GB18030', () => {
  const BOM = [0xef, 0xbb, 0xbf];
  it('on any text (CJK, emoji), with no, one or two BOMs, and on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 0, max: 2 }), (s, boms) => {
        const bytes = Uint8Array.from([...Array.from({ length: boms }, () => BOM).flat(), ...Buffer.from(s, 'utf8')]);
        expect(decodeText(bytes)).toEqual(reference(bytes));
      }),
      { numRuns: 500, seed: 11 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeText(bytes)).toEqual(reference(bytes));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('reads GB18030 as GB18030', () => {
    const gb = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文
    expect(decodeText(gb)).toEqual({ text: '中文', encoding: 'gb18030' });
  });
});
