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

  it('is a complete package: every relationship has its part and content type; header, page numbers, core properties', async () => {
    const bytes = await renderDocxFromModel(hostileModel(), { lang: 'zh' });
    const { zip, document, read } = await parts(bytes);
    const types = await read('[Content_Types].xml');
    const attr = (el: string, name: string) => el.match(new RegExp(`${name}="([^"]*)"`))?.[1];
    const relsOf = async (file: string) => [...(await read(file)).matchAll(/<Relationship [^>]*\/>/g)].map((m) => ({ id: attr(m[0], 'Id')!, target: attr(m[0], 'Target')! }));
    const pkg = await relsOf('_rels/.rels');
    expect(pkg.map((r) => r.target).sort()).toEqual(['docProps/app.xml', 'docProps/core.xml', 'word/document.xml']);
    const word = await relsOf('word/_rels/document.xml.rels');
    for (const r of [...pkg, ...word.map((w) => ({ ...w, target: `word/${w.target}` }))]) {
      expect(zip.file(r.target), r.target).not.toBeNull();
      expect(types).toContain(`PartName="/${r.target}"`);
    }
    // every part in the zip is typed (by extension or override)
    for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir && n !== '[Content_Types].xml')) expect(name.endsWith('.rels') || types.includes(`PartName="/${name}"`), name).toBe(true);
    // the document's references resolve
    const target = (id: string) => word.find((r) => r.id === id)?.target;
    const refs = [...document.matchAll(/<w:(header|footer)Reference w:type="(default|first)" r:id="(rId\d+)"\/>/g)].map((m) => ({ kind: m[1], type: m[2], target: target(m[3]!) }));
    expect(refs.map((r) => `${r.kind} ${r.type}`)).toEqual(['header default', 'header first', 'footer default', 'footer first']);
    expect(refs.every((r) => r.target)).toBe(true);
    expect(document).toContain('<w:titlePg/>'); // the cover has its own (empty) header and footer
    const header = await read(`word/${refs[0]!.target}`);
    expect(texts(header).join('')).toBe('ZZ-20261101-ABCDEF · 商业秘密 · 仅限委托方内部使用');
    const footer = await read(`word/${refs[2]!.target}`);
    expect(footer.match(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)?.map((x) => x.replace(/<[^>]+>/g, '').trim())).toEqual(['PAGE', 'NUMPAGES']);
    expect(footer.match(/<w:fldChar w:fldCharType="(begin|separate|end)"\/>/g)?.length).toBe(6);
    expect(texts(await read(`word/${refs[1]!.target}`)).join('')).toBe('');
    // core properties: the title names the plant, escaped
    const core = await read('docProps/core.xml');
    expect(core).toContain('<dc:title>智能制造能力成熟度诊断报告 — &lt;script&gt;alert(1)&lt;/script&gt; · &lt;img src=x onerror=alert(1)&gt;</dc:title>');
    expect(core).not.toContain('<script');
    expect(core).toContain('<dc:subject>ZZ-20261101-ABCDEF</dc:subject>');
    // bullets point at the list of numbering.xml
    expect(document).toContain('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
    expect(await read('word/numbering.xml')).toContain('<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>');
    // fixed timestamps in the zip: only the core properties' dates change between two renders
    const again = await parts(await renderDocxFromModel(hostileModel(), { lang: 'zh' }));
    for (const name of Object.keys(zip.files)) if (name !== 'docProps/core.xml') expect(await again.read(name), name).toBe(await read(name));
    expect(zip.file('word/document.xml')!.date.getUTCFullYear()).toBe(1980);
  });

  it('writes both languages when asked', async () => {
    const { document } = await parts(await renderDocxFromModel(hostileModel(), { lang: 'both' }));
    const all = texts(document).join('\n');
    expect(all).toContain('诊断范围与方法 / Scope and method');
    expect(all).toContain('Standardised');
    expect(all).toContain('规范级');
  });

  it('leaves notes to the model: office reports carry the office marking', async () => {
    const { document } = await parts(await renderDocxFromModel(hostileModel({ meta: { reportNumber: 'ZZ-1', date: '2026-11-01', audience: 'office', office: true, selfAssessment: false, tool: 't', generatedBy: { zh: '本报告由智造诊断（t）生成', en: 'Generated by t' } } }), { lang: 'en' }));
    expect(texts(document).join('\n')).toContain('Internal · for the programme office');
  });
});

describe('a project\'s prerequisites on one line', () => {
  it('kept apart by the semicolon of the report\'s language (a title may hold 、 or a comma of its own)', async () => {
    const model = hostileModel();
    const item = model.plan!.phases.flatMap((p) => p.items)[0]!;
    item.prerequisites = [{ zh: '前置甲、前置乙', en: 'First, second' }, { zh: 'MES', en: 'MES' }];
    const line = async (lang: 'zh' | 'en') => texts((await parts(await renderDocxFromModel(model, { lang }))).document).find((t) => t.startsWith(lang === 'zh' ? '前置甲' : 'First, '));
    expect(await line('zh')).toBe('前置甲、前置乙；MES');
    expect(await line('en')).toBe('First, second; MES');
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
