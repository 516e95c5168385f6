// What a report states must be true of the plant, for every audience: reviewed plants through the built CLI
// (tests/fixtures/review/, answer files from a consultant's review of three realistic plants).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tempDir, zhizao } from '../helpers/cli';

const FIX = 'tests/fixtures/review';
const AUTOPARTS = `${FIX}/autoparts-c36.yaml`;

function run(file: string, args: string[]): string {
  const r = zhizao(['report', file, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}
const md = (file: string, audience: 'client' | 'office', lang: 'zh' | 'en' = 'zh') => run(file, ['--audience', audience, '--format', 'md', '--lang', lang]);
const json = (file: string, audience: 'client' | 'office') => JSON.parse(run(file, ['--audience', audience, '--format', 'json'])) as ReportJson;
/** A section of a Markdown report, from its heading to the next heading of the same or a higher rank. */
function section(text: string, heading: string): string {
  const start = text.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rank = /^#+/.exec(heading)![0].length;
  const rest = text.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n#{1,${rank}} `));
  return heading + (end < 0 ? rest : rest.slice(0, end));
}

interface ReportJson {
  readiness: { id: string; met: number; total: number; withheld?: number; criteria: { id: string; status: string }[] }[];
}

describe('office report: a criterion resting on confidential answers is withheld, never shown as met', () => {
  it('the client report shows the industrial-security criterion as missing (so the office check means something)', () => {
    const workshop = section(md(AUTOPARTS, 'client'), '### 智能车间申报条件');
    expect(workshop).toContain('(6/7)');
    expect(workshop).toContain('○ 工业信息安全防护 — 未满足');
  });

  it('Markdown: the office sees the criterion withheld and the count 6 of 7, not 6/6 all met', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = md(AUTOPARTS, 'office', lang);
      const workshop = section(text, lang === 'zh' ? '### 智能车间申报条件' : '### Smart-workshop');
      expect(workshop).toContain('(6/7)');
      expect(workshop).not.toContain('(6/6)');
      expect(workshop).toContain(lang === 'zh' ? '· 工业信息安全防护 — 涉及保密答案，未列出' : '· Industrial security protection — rests on confidential answers; not shown');
      expect(workshop).not.toMatch(/[✓○] (工业信息安全防护|Industrial security protection)/);
    }
  });

  it('JSON: the criterion keeps its place as withheld, counted in the total and not as met', () => {
    const office = json(AUTOPARTS, 'office').readiness.find((x) => x.id === 'smart-workshop')!;
    expect(office).toMatchObject({ met: 6, total: 7, withheld: 1 });
    expect(office.criteria.find((c) => c.id === 'workshop-industrial-security')).toEqual(expect.objectContaining({ status: 'withheld' }));
    const client = json(AUTOPARTS, 'client').readiness.find((x) => x.id === 'smart-workshop')!;
    expect(client).toMatchObject({ met: 6, total: 7 });
    expect(client.criteria.find((c) => c.id === 'workshop-industrial-security')!.status).toBe('missing');
  });

  it('HTML: the same line, and the count 6/7', () => {
    const html = run(AUTOPARTS, ['--audience', 'office', '--format', 'html', '--lang', 'zh']);
    expect(html).toMatch(/智能车间申报条件[^<]*\(6\/7\)/);
    expect(html).toMatch(/<td>工业信息安全防护<\/td><td><span class="muted">·<\/span> 涉及保密答案，未列出<\/td>/);
  });

  it('DOCX: the same line, and the count 6/7', async () => {
    const out = path.join(tempDir('zhizao-trust-'), 'office.docx');
    run(AUTOPARTS, ['--audience', 'office', '--lang', 'zh', '-o', out]);
    const xml = (await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toMatch(/智能车间申报条件[^（(]*（郑政文〔2018〕168号 三\(三\)） \(6\/7\)/);
    expect(xml).toContain('工业信息安全防护· 涉及保密答案，未列出');
  });
});
