import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, lineOfByte } from '../../src/io/decode';
import { readCsvRows } from '../../src/io/tables/csv-read';

/** The decoder this replaced: a fatal UTF-8 TextDecoder after one BOM is taken off, else GB18030. */
function reference(bytes: Uint8Array): { text: string; encoding: string; invalidAt?: number } {
  // (UTF-16 by its BOM, or without one when mostly ASCII; a file with the UTF-8 BOM is UTF-8 even when invalid: see
  // 'what Windows tools write')
  const n = Math.min(bytes.length, 1024) & ~1;
  const zero = (from: number) => bytes.subarray(0, n).filter((_, i) => i % 2 === from && bytes[i] === 0).length;
  if (n >= 16 && zero(0) * 20 <= n / 2 && zero(1) * 2 >= n / 2) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (n >= 16 && zero(1) * 20 <= n / 2 && zero(0) * 2 >= n / 2) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    if (body !== bytes) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', invalidAt: expect.any(Number) as number };
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

describe('decodeText: what Windows tools write', () => {
  const text = '企业名称\t行业\r\n郑州恒达机械有限公司\t离散型\r\n';
  const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

  it('UTF-16 LE with its BOM (Notepad "Unicode", Excel/WPS "Unicode 文本")', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
  });
  it('UTF-16 BE with its BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]))).toEqual({ text, encoding: 'utf-16be' });
  });
  it('UTF-16 without a BOM, LE or BE, when mostly ASCII as an answer file is; not for short or CJK-only bytes', () => {
    // (一 is U+4E00: a zero low byte among the CJK characters)
    const yaml = 'questionnaire: smart-manufacturing\nrespondent:\n  company: 郑州一达机械有限公司\n  industry: discrete\n';
    expect(decodeText(Buffer.from(yaml, 'utf16le'))).toEqual({ text: yaml, encoding: 'utf-16le' });
    expect(decodeText(utf16be(yaml))).toEqual({ text: yaml, encoding: 'utf-16be' });
    // a few bytes say nothing; a NUL in UTF-8 text does not make it UTF-16
    expect(decodeText(Buffer.from('ab', 'utf16le')).encoding).toBe('utf-8');
    expect(decodeText(Buffer.from('a\u0000b\u0000c\u0000d\u0000e\u0000f\u0000g\u0000\u0000h\u0000', 'utf8')).encoding).toBe('utf-8');
  });
  it('a file with the UTF-8 BOM and one stray byte stays UTF-8, and says where the byte is', () => {
    const head = Buffer.from('\uFEFF名称,行业\n甲公司,离散型\n', 'utf8');
    const bytes = Buffer.concat([head, Buffer.from('乙公司', 'utf8'), Buffer.from([0xa0]), Buffer.from(',流程型\n丙公司,混合型\n', 'utf8')]);
    const r = decodeText(bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe('名称,行业\n甲公司,离散型\n乙公司\uFFFD,流程型\n丙公司,混合型\n');
    expect(r.invalidAt).toBe(head.length + Buffer.byteLength('乙公司'));
    expect(lineOfByte(bytes, r.invalidAt!)).toBe(3);
  });
  it('a U+FFFD written as such before the stray byte is not taken for it', () => {
    const head = Buffer.from('\uFEFFa\uFFFDb\n', 'utf8');
    const bytes = Buffer.concat([head, Buffer.from([0xff]), Buffer.from('c', 'utf8')]);
    expect(decodeText(bytes).invalidAt).toBe(head.length);
  });
  it('without a BOM, invalid UTF-8 is still read as GB18030', () => {
    expect(decodeText(Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4])).encoding).toBe('gb18030');
  });
});

describe('readCsvRows on UTF-16 and on a UTF-8 file with a stray byte', () => {
  const rows = async (bytes: Uint8Array) => {
    const out = [];
    for await (const r of readCsvRows(bytes)) out.push(r);
    return out;
  };
  it('an Excel/WPS "Unicode 文本" export: UTF-16 LE, tab separated, even with a comma in a header', async () => {
    const tsv = '企业名称（全称, 含分公司）\t行业\r\n郑州恒达机械有限公司\t离散型\r\n';
    const r = await rows(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
    expect(r).toEqual([
      { row: 1, line: 1, cells: ['企业名称（全称, 含分公司）', '行业'] },
      { row: 2, line: 2, cells: ['郑州恒达机械有限公司', '离散型'] },
    ]);
  });
  it('the line with the stray byte is reported, every other line read as UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFF名称,行业\n甲公司,离散型\n乙公司', 'utf8'), Buffer.from([0xa0]), Buffer.from(',流程型\n丙公司,混合型\n', 'utf8')]);
    const r = await rows(bytes);
    expect(r[0]).toEqual({ row: 1, line: 1, cells: ['名称', '行业'] });
    expect(r[1]).toEqual({ row: 2, line: 2, cells: ['甲公司', '离散型'] });
    expect(r[2]).toMatchObject({ row: 3, line: 3, reason: 'bad-utf8', resumedAt: 4 });
    expect(r[3]).toEqual({ row: 4, line: 4, cells: ['丙公司', '混合型'] });
  });
});
