import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Paragraph, TextRun } from '../../src/report/ooxml/document.js';
import { Table, TableCell, TableRow } from '../../src/report/ooxml/table.js';
import { attrs, escapeXml } from '../../src/report/ooxml/xml.js';
import { zip } from '../../src/report/ooxml/zip.js';

/** Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets), checked per code point. */
const xmlChars = (s: string) => [...s].every((ch) => {
  const c = ch.codePointAt(0)!;
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
});

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeXml('中文 plain text')).toBe('中文 plain text');
    expect(escapeXml(42)).toBe('42');
  });

  it('removes the characters XML 1.0 does not allow, keeps tab, newline and carriage return', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    expect(escapeXml(`a${controls}b`)).toBe('a\t\n\rb');
    expect(escapeXml('x\uFFFEy\uFFFFz')).toBe('xyz');
    // lone surrogates go, pairs stay
    expect(escapeXml('a\uD800b\uDC00c')).toBe('abc');
    expect(escapeXml('😀\uD83D')).toBe('😀');
    expect(escapeXml('\uDE00😀')).toBe('😀');
  });

  it('every single UTF-16 code unit comes out as allowed XML characters, specials escaped', () => {
    const bad: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const out = escapeXml(`a${String.fromCharCode(c)}b`);
      if (!xmlChars(out) || /[<>"']|&(?!(amp|lt|gt|quot|apos);)/.test(out)) bad.push(c);
    }
    expect(bad).toEqual([]);
  });

  it('any string (lone surrogates included) becomes allowed XML characters with no markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '\u0000', '\u001B', '\uD800', '\uDC00', 'a', '\t') }), (a, b) => {
        const out = escapeXml(a + b);
        expect(xmlChars(out)).toBe(true);
        expect(out).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
      }),
    );
  });

  it('escapes attribute values and leaves out undefined ones, in the order given', () => {
    expect(attrs({ 'w:val': 'a"b<c', 'w:none': undefined, 'w:sz': 4 })).toBe(' w:val="a&quot;b&lt;c" w:sz="4"');
  });
});

describe('builders', () => {
  it('escape every text they write', () => {
    const hostile = '</w:t><w:hyperlink r:id="x">&\u0007\u202E';
    const p = new Paragraph({ children: [new TextRun({ text: hostile, bold: true, color: '"/><x' })] });
    expect(p.xml).not.toContain('<w:hyperlink');
    expect(p.xml).not.toContain('<x');
    expect(p.xml).toContain('&lt;/w:t&gt;&lt;w:hyperlink r:id=&quot;x&quot;&gt;&amp;');
    expect(p.xml).not.toContain('\u0007');
    const t = new Table({ columnWidths: [2000], rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph(hostile)] })] })] });
    expect(t.xml).toMatch(/^<w:tbl><w:tblPr><\/w:tblPr><w:tblGrid><w:gridCol w:w="2000"\/><\/w:tblGrid><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">&lt;\/w:t&gt;/);
  });

  it('give every table cell a paragraph', () => {
    expect(new TableCell({ children: [] }).xml).toBe('<w:tc><w:p/></w:tc>');
  });
});

describe('zip', () => {
  it('writes an archive that jszip reads back, CRCs checked, deflated and stored entries alike', async () => {
    const random = new Uint8Array(randomBytes(5000)); // incompressible: stored
    const xml = `<?xml version="1.0"?><a>${'<b>中文 text</b>'.repeat(2000)}</a>`;
    const entries = [
      { name: '[Content_Types].xml', data: xml },
      { name: 'word/empty.xml', data: '' },
      { name: 'media/random.bin', data: random },
      { name: 'a/b/c.txt', data: 'é😀' },
    ];
    const bytes = zip(entries);
    const z = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(z.files)).toEqual(entries.map((e) => e.name));
    expect(await z.file('[Content_Types].xml')!.async('string')).toBe(xml);
    expect(await z.file('word/empty.xml')!.async('string')).toBe('');
    expect(await z.file('media/random.bin')!.async('uint8array')).toEqual(random);
    expect(await z.file('a/b/c.txt')!.async('string')).toBe('é😀');
    expect(bytes.length).toBeLessThan(xml.length / 10 + random.length + 1000); // the XML was deflated
    // stored archives too
    const stored = await JSZip.loadAsync(zip(entries, { level: 0 }), { checkCRC32: true });
    expect(await stored.file('[Content_Types].xml')!.async('string')).toBe(xml);
  });

  it('is deterministic: the same entries give the same bytes, dated 1980-01-01', async () => {
    const entries = [{ name: 'x.xml', data: '<x/>'.repeat(100) }];
    expect(zip(entries)).toEqual(zip(entries));
    const z = await JSZip.loadAsync(zip(entries));
    const d = z.file('x.xml')!.date;
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([1980, 0, 1]);
  });

  it('refuses names it cannot write', () => {
    expect(() => zip([{ name: '中文.xml', data: '' }])).toThrow(/unsupported entry name/);
  });
});
