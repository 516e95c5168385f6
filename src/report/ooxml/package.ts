/**
 * A .docx package from a Document: one section (A4 or any page size, margins, optional header and footer, a
 * different first page), core properties, styles and the bullet list, zipped by ./zip.ts. The parts and their
 * relationships are the minimum Word, WPS and LibreOffice need; nothing links outside the package.
 */
import type { Paragraph } from './document.js';
import { NUMBERING_XML, stylesXml, type StylesOptions } from './styles.js';
import type { Table } from './table.js';
import { el, escapeXml, W_NS, XML_DECLARATION } from './xml.js';
import { zip, type ZipEntry } from './zip.js';

/** The paragraphs of a page header. */
export class Header {
  readonly xml: string;
  constructor(o: { children: Paragraph[] }) {
    this.xml = o.children.map((p) => p.xml).join('') || '<w:p/>';
  }
}
/** The paragraphs of a page footer. */
export class Footer extends Header {}

export interface SectionOptions {
  properties: {
    /** Twips. */
    page: { size: { width: number; height: number }; margin: { top: number; bottom: number; left: number; right: number; header?: number; footer?: number } };
    /** The first page has its own header and footer (`first`). */
    titlePage?: boolean;
  };
  headers?: { default?: Header; first?: Header };
  footers?: { default?: Footer; first?: Footer };
  children: (Paragraph | Table)[];
}

export interface DocumentOptions {
  title?: string;
  subject?: string;
  creator?: string;
  lastModifiedBy?: string;
  description?: string;
  styles: StylesOptions;
  /** One section (what the reports need). */
  sections: [SectionOptions];
  /** The created and modified dates of the core properties; now when absent. */
  date?: Date;
}

export class Document {
  constructor(readonly options: DocumentOptions) {}
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

const relationships = (rels: { id: string; type: string; target: string }[]) =>
  `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map((r) => el('Relationship', { Id: r.id, Type: r.type, Target: r.target })).join('')}</Relationships>`;

function coreXml(o: DocumentOptions): string {
  const when = (o.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const opt = (name: string, v: string | undefined) => (v === undefined ? '' : `<${name}>${escapeXml(v)}</${name}>`);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `${opt('dc:title', o.title)}${opt('dc:subject', o.subject)}${opt('dc:creator', o.creator)}${opt('dc:description', o.description)}${opt('cp:lastModifiedBy', o.lastModifiedBy)}<cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

const APP_XML = `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>`;
const SETTINGS_XML = `${XML_DECLARATION}<w:settings ${W_NS}><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

/** The bytes of the .docx file of `doc`. */
export function packDocx(doc: Document, opts: { level?: number } = {}): Uint8Array {
  const o = doc.options;
  const s = o.sections[0];
  const rels = [
    { id: 'rId1', type: `${REL}/styles`, target: 'styles.xml' },
    { id: 'rId2', type: `${REL}/numbering`, target: 'numbering.xml' },
    { id: 'rId3', type: `${REL}/settings`, target: 'settings.xml' },
  ];
  const overrides: [string, string][] = [
    ['/word/document.xml', `${CT}.document.main+xml`],
    ['/word/styles.xml', `${CT}.styles+xml`],
    ['/word/numbering.xml', `${CT}.numbering+xml`],
    ['/word/settings.xml', `${CT}.settings+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  const parts: ZipEntry[] = [];
  let references = '';
  const headerFooter = (kind: 'header' | 'footer', which: 'default' | 'first', part: Header | undefined) => {
    if (!part) return;
    const n = parts.filter((p) => p.name.startsWith(`word/${kind}`)).length + 1;
    const id = `rId${rels.length + 1}`;
    const root = kind === 'header' ? 'w:hdr' : 'w:ftr';
    parts.push({ name: `word/${kind}${n}.xml`, data: `${XML_DECLARATION}<${root} ${W_NS}>${part.xml}</${root}>` });
    rels.push({ id, type: `${REL}/${kind}`, target: `${kind}${n}.xml` });
    overrides.push([`/word/${kind}${n}.xml`, `${CT}.${kind}+xml`]);
    references += el(`w:${kind}Reference`, { 'w:type': which, 'r:id': id });
  };
  // Schema order in w:sectPr: every header reference, then every footer reference.
  headerFooter('header', 'default', s.headers?.default);
  headerFooter('header', 'first', s.headers?.first);
  headerFooter('footer', 'default', s.footers?.default);
  headerFooter('footer', 'first', s.footers?.first);

  const { size, margin } = s.properties.page;
  const sectPr =
    `<w:sectPr>${references}${el('w:pgSz', { 'w:w': size.width, 'w:h': size.height, 'w:orient': size.width > size.height ? 'landscape' : 'portrait' })}` +
    `${el('w:pgMar', { 'w:top': margin.top, 'w:right': margin.right, 'w:bottom': margin.bottom, 'w:left': margin.left, 'w:header': margin.header ?? 708, 'w:footer': margin.footer ?? 708, 'w:gutter': 0 })}` +
    `${s.properties.titlePage ? '<w:titlePg/>' : ''}<w:docGrid w:linePitch="360"/></w:sectPr>`;
  const body: string[] = [`${XML_DECLARATION}<w:document ${W_NS}><w:body>`];
  for (const c of s.children) body.push(c.xml);
  body.push(sectPr, '</w:body></w:document>');

  const contentTypes =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `${overrides.map(([part, type]) => el('Override', { PartName: part, ContentType: type })).join('')}</Types>`;
  const packageRels = relationships([
    { id: 'rId1', type: `${REL}/officeDocument`, target: 'word/document.xml' },
    { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
    { id: 'rId3', type: `${REL}/extended-properties`, target: 'docProps/app.xml' },
  ]);
  return zip(
    [
      { name: '[Content_Types].xml', data: contentTypes },
      { name: '_rels/.rels', data: packageRels },
      { name: 'docProps/core.xml', data: coreXml(o) },
      { name: 'docProps/app.xml', data: APP_XML },
      { name: 'word/document.xml', data: body.join('') },
      { name: 'word/styles.xml', data: stylesXml(o.styles) },
      { name: 'word/numbering.xml', data: NUMBERING_XML },
      { name: 'word/settings.xml', data: SETTINGS_XML },
      { name: 'word/_rels/document.xml.rels', data: relationships(rels) },
      ...parts,
    ],
    opts.level === undefined ? {} : { level: opts.level },
  );
}
