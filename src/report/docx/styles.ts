/**
 * The look of the DOCX documents: fonts, colours, the A4 page, and the paragraph styles (built-in Title and
 * Heading1–3 with outline levels, so Word's navigation pane, WPS's document map and LibreOffice's navigator list
 * the headings). Fonts: Calibri for Latin text, SimSun (body) and Microsoft YaHei (headings) for Chinese, declared
 * with w:eastAsia and the eastAsia hint; East Asian text is tagged zh-CN.
 */
import { AlignmentType, type StylesOptions } from '../ooxml/index.js';

/** Fonts declared for every run: Latin, East Asian (Chinese) and complex-script slots. */
export const FONTS = {
  body: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: 'SimSun', hint: 'eastAsia' },
  heading: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: 'Microsoft YaHei', hint: 'eastAsia' },
} as const;

export const COLOR = { accent: '1F4E8C', muted: '59636E', line: 'D0D7DE', headFill: 'E8EEF6', soft: 'F6F8FA', met: '1A7F37', missed: 'CF4A16', gap: 'F6D5C5', neutral: '8C959F', bar: '1F6FEB', track: 'EEF1F4', target: '8250DF', white: 'FFFFFF' } as const;

/** A4 in twips, 2.2 cm side margins, 2.5 cm top and bottom. */
export const PAGE = { width: 11906, height: 16838, side: 1247, top: 1418, bottom: 1418 } as const;
/** The width between the margins, in twips. */
export const CONTENT = PAGE.width - 2 * PAGE.side;

/** The paragraph and run styles of the diagnosis report. */
export function reportStyles(): StylesOptions {
  const headingRun = (size: number) => ({ font: FONTS.heading, size, bold: true, color: COLOR.accent });
  return {
    default: {
      document: {
        run: { font: FONTS.body, size: 21, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { after: 100, line: 312 } },
      },
      title: { run: { font: FONTS.heading, size: 44, bold: true, color: COLOR.accent }, paragraph: { alignment: AlignmentType.CENTER } },
      heading1: { run: headingRun(32), paragraph: { spacing: { before: 360, after: 180 }, keepNext: true, keepLines: true, outlineLevel: 0 } },
      heading2: { run: headingRun(26), paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 1 } },
      heading3: { run: { ...headingRun(22), color: '1F2328' }, paragraph: { spacing: { before: 220, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 2 } },
    },
  };
}
