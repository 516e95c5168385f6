import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

/**
 * The office audience of a plant with confidential answers and consistency findings that name them: no format (md,
 * html, docx, json; Chinese and English) contains the confidential answers or those findings, while the client
 * report has them all and the office report still lists the findings that name no confidential answer.
 */
interface Finding {
  id: string;
  questions: string[];
  message: { zh: string; en: string };
}

const dir = tempDir('zhizao-office-');
const file = path.join(dir, 'plant.zhizao.yaml');
{
  const doc = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as { answers: Record<string, unknown> };
  doc.answers.rd_spend = 17654.3; // confidential; over 30 % of revenue → finding rd-spend-vs-revenue
  doc.answers.information_security_level = 'assessed'; // confidential; with no MLPS filing → finding mlps-vs-security-level
  doc.answers.equipment_level = 'key_digital'; // not confidential; against 5 of 12 key processes on CNC → an open finding
  writeFileSync(file, stringify(doc));
}

const findings = (JSON.parse(zhizao(['score', file, '--json']).stdout) as { findings: Finding[] }).findings;
const secretFindings = findings.filter((f) => ['rd-spend-vs-revenue', 'mlps-vs-security-level'].includes(f.id));
const openFinding = findings.find((f) => f.id === 'equipment-level-vs-cnc-rate');

/** What must never reach the office: the confidential answers as shown, and the findings naming them. */
const secrets = [
  '17654.3',
  '17,654',
  'Regular risk and MLPS assessments', // the label of information_security_level = assessed
  '定期风险评估和等保测评',
  'Not classified', // the label of mlps_filing_level = not_classified
  '未定级',
  ...secretFindings.flatMap((f) => [f.id, f.message.en.slice(0, 24), f.message.zh.slice(0, 12)]),
  // free text (the cover says the office report has none): the key-process list a rate is computed from
  '阀孔珩磨（普通珩磨机）',
  // a safety answer: whether the plant has a registered major hazard (the example answers no)
  'has_major_hazard',
  '危险化学品重大危险源',
];

/** A report's text as a reader sees it: Markdown and JSON as written, HTML and DOCX with their tags removed. */
async function text(audience: 'office' | 'client', format: 'md' | 'html' | 'docx' | 'json', lang: 'zh' | 'en'): Promise<string> {
  const out = path.join(dir, `${audience}.${lang}.${format}`);
  const r = zhizao(['report', file, '--audience', audience, '--report-lang', lang, '-o', out, '--force']);
  expect(r.code, r.stderr).toBe(0);
  const raw = format === 'docx' ? await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string') : readFileSync(out, 'utf8');
  if (format === 'md' || format === 'json') return raw;
  return raw.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

describe('office audience: confidential answers and the findings naming them', () => {
  it('the plant has two findings naming confidential answers and one that names none', () => {
    expect(secretFindings.map((f) => f.id).sort()).toEqual(['mlps-vs-security-level', 'rd-spend-vs-revenue']);
    expect(secretFindings.find((f) => f.id === 'rd-spend-vs-revenue')!.message.en).toContain('17654.3');
    expect(openFinding).toBeDefined();
  });

  it('the client report shows the confidential answers (so their absence below means something)', async () => {
    const md = await text('client', 'md', 'en');
    for (const s of ['17654.3', 'Regular risk and MLPS assessments', 'Not classified']) expect(md).toContain(s);
    const json = await text('client', 'json', 'en');
    for (const f of secretFindings) expect(json).toContain(f.id);
  });

  for (const format of ['md', 'html', 'docx', 'json'] as const) {
    it(`report --audience office -o *.${format}: no confidential answer, no finding naming one`, async () => {
      for (const lang of format === 'json' ? (['en'] as const) : (['zh', 'en'] as const)) {
        const t = await text('office', format, lang);
        for (const s of secrets) expect(t, `${format} ${lang}: ${s}`).not.toContain(s);
        // the office still gets the list of findings that name no confidential answer
        if (format === 'json') expect(t).toContain(openFinding!.id);
        else if (lang === 'en') expect(t).toContain(openFinding!.message.en.slice(0, 30));
        else expect(t).toContain(openFinding!.message.zh.slice(0, 12));
      }
    }, 120_000);
  }
});
