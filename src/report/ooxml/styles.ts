/**
 * word/styles.xml and word/numbering.xml: document defaults (fonts, size, language, spacing), the Normal style, the
 * built-in Title and Heading1–3 styles the caller configures (named as Word names them, with outline levels, so the
 * navigation pane and a table of contents find the headings), List Paragraph, and the one bullet list.
 */
import { paragraphProperties, runProperties, type ParagraphOptions, type RunOptions } from './document.js';
import { el, escapeXml, val, W_NS, XML_DECLARATION } from './xml.js';

type StyleRun = Omit<RunOptions, 'text' | 'children' | 'break'>;
type StyleParagraph = Pick<ParagraphOptions, 'alignment' | 'spacing' | 'keepNext' | 'keepLines' | 'outlineLevel'>;
export interface StyleOptions {
  run?: StyleRun;
  paragraph?: StyleParagraph;
}

export interface StylesOptions {
  default: {
    /** The document defaults: every run and paragraph starts from these. */
    document?: StyleOptions;
    title?: StyleOptions;
    heading1?: StyleOptions;
    heading2?: StyleOptions;
    heading3?: StyleOptions;
  };
}

const STYLES = [
  ['title', 'Title', 'Title'],
  ['heading1', 'Heading1', 'Heading 1'],
  ['heading2', 'Heading2', 'Heading 2'],
  ['heading3', 'Heading3', 'Heading 3'],
] as const;

const paragraphStyle = (id: string, name: string, s: StyleOptions) => {
  const pPr = s.paragraph ? paragraphProperties(s.paragraph) : '';
  return `<w:style w:type="paragraph" w:styleId="${escapeXml(id)}">${val('w:name', name)}<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${s.run ? runProperties(s.run) : ''}</w:style>`;
};

/** The text of word/styles.xml. */
export function stylesXml(o: StylesOptions): string {
  const d = o.default.document ?? {};
  const rPr = d.run ? runProperties(d.run) : '';
  const pPr = d.paragraph ? paragraphProperties(d.paragraph) : '';
  let styles = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>';
  for (const [key, id, name] of STYLES) {
    const s = o.default[key];
    if (s) styles += paragraphStyle(id, name, s);
  }
  styles += '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>';
  return `${XML_DECLARATION}<w:styles ${W_NS}><w:docDefaults><w:rPrDefault>${rPr || '<w:rPr/>'}</w:rPrDefault><w:pPrDefault><w:pPr>${pPr}</w:pPr></w:pPrDefault></w:docDefaults>${styles}</w:styles>`;
}

const BULLETS = ['●', '○', '■'];

/** The text of word/numbering.xml: one bullet list (numId 1), nine levels indented by 0.5 inch each. */
export const NUMBERING_XML = (() => {
  let levels = '';
  for (let i = 0; i < 9; i++) levels += `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>${val('w:lvlText', BULLETS[i % 3]!)}<w:lvlJc w:val="left"/><w:pPr>${el('w:ind', { 'w:left': 720 * (i + 1), 'w:hanging': 360 })}</w:pPr></w:lvl>`;
  return `${XML_DECLARATION}<w:numbering ${W_NS}><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>${levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
})();
