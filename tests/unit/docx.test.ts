import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { clean, FONTS, renderDocxFromModel } from '../../src/report/docx.js';
import { chartDataFromModel } from '../../src/report/html.js';
import { hostileModel, PAYLOADS } from '../fixtures/hostile/hostile-model.js';

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`${name} missing from the DOCX`);
    return f.async('string');
  };
  return { zip, document: await read('word/document.xml'), styles: await read('word/styles.xml'), read };
}

/** The text of every <w:t> element, XML entities decoded, in document order. */
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));

describe('renderDocxFromModel', () => {
  it('writes a valid zip with real headings, tables and declared CJK fonts', async () => {
    const bytes = await renderDocxFromModel(hostileModel(), { lang: 'zh' });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes[0]).toBe(0x50); // PK
    const { zip, document, styles } = await parts(bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    expect(document.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(9);
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(document.match(/<w:tbl>/g)!.length).toBeGreaterThanOrEqual(10);
    expect(document).toContain('<w:tblHeader/>'); // header rows repeat on every page
    expect(document).toContain('<w:cantSplit/>');
    // default run fonts: Latin Calibri, East Asian SimSun, hint eastAsia; headings in Microsoft YaHei with outline levels
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri" w:eastAsia="SimSun" w:hint="eastAsia"\/>/);
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>.*?w:eastAsia="Microsoft YaHei"/);
    expect(styles).toContain('w:eastAsia="zh-CN"');
    expect(FONTS.body.eastAsia).toBe('SimSun');
    // A4 portrait
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('keeps hostile text as text: escaped in the XML, never markup', async () => {
    const { document, read } = await parts(await renderDocxFromModel(hostileModel(), { lang: 'zh' }));
    const all = texts(document).join('\n');
    expect(all).toContain(PAYLOADS.script);
    expect(all).toContain(PAYLOADS.img);
    expect(all).toContain(PAYLOADS.js);
    expect(document).not.toContain('<script');
    expect(document).not.toContain('<img');
    expect(document).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // bidi overrides, control characters and lone surrogates are removed
    expect(document).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(document).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(all).toContain('abcexe.txt');
    // no hyperlinks at all, let alone javascript: ones
    expect(document).not.toContain('<w:hyperlink');
    const rels = await read('word/_rels/document.xml.rels');
    expect(rels).not.toMatch(/TargetMode="External"/);
  });

  it('draws the charts as shaded table cells, with nothing for values that are not computable', async () => {
    const model = hostileModel();
    const charts = chartDataFromModel(model);
    expect(charts.sections.map((s) => s.score)).toEqual([1.7, 1.91, 2.08, null, 1.73]);
    expect(charts.indicators.map((i) => i.value)).toEqual([0.417, null, 0.292]);
    const { document } = await parts(await renderDocxFromModel(model, { lang: 'en' }));
    expect(document).toContain('w:fill="1F6FEB"'); // section bars
    expect(document).toContain('w:fill="CF4A16"'); // a missed indicator
    expect(document).toContain('w:fill="F6D5C5"'); // the gap to the target
    expect(document).toContain('w:color="8250DF"'); // the target marker
    expect(document).not.toMatch(/NaN|undefined|\[object Object\]/);
    const all = texts(document).join('\n');
    expect(all).toContain('41.7% / > 50.0%');
    expect(all).toContain('not computable');
  });

  it('writes both languages when asked', async () => {
    const { document } = await parts(await renderDocxFromModel(hostileModel(), { lang: 'both' }));
    const all = texts(document).join('\n');
    expect(all).toContain('诊断范围与方法 / Scope and method');
    expect(all).toContain('Standardised');
    expect(all).toContain('规范级');
  });

  it('leaves notes to the model: office reports carry the office marking', async () => {
    const { document } = await parts(await renderDocxFromModel(hostileModel({ meta: { reportNumber: 'ZZ-1', date: '2026-11-01', audience: 'office', office: true, tool: 't' } }), { lang: 'en' }));
    expect(texts(document).join('\n')).toContain('Internal · for the programme office');
  });
});

describe('clean', () => {
  it('strips bidi and control characters and replaces lone surrogates', () => {
    expect(clean('a\u202Eb\u0007c')).toBe('abc');
    expect(clean('x\uD800y')).toBe('x\uFFFDy');
    expect(clean('x\uDC00')).toBe('x\uFFFD');
    expect(clean('😀 中文')).toBe('😀 中文');
    expect(clean(undefined)).toBe('');
  });
});
