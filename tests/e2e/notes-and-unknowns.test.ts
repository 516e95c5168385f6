// Through the built CLI, as a consultant meets them: a note that reads as meant for the consultant, and a level that
// rests on "don't know" answers.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

const dir = tempDir('zhizao-notes-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');

describe('validate and report on a real answer file', () => {
  it('a client-visible note saying 保密 is warned about at its line (en, zh); marked internal it is not; exit 0 either way', () => {
    const text = example.replace('  digital_spend_share: 财务部未单独归集信息化投入，无法给出比例。', '  digital_spend_share: 客户保密：财务部未单独归集信息化投入。');
    const file = path.join(dir, 'secret-note.zhizao.yaml');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('客户保密')) + 1;
    const en = zhizao(['validate', file]);
    expect(en.code).toBe(0);
    expect(en.stderr).toMatch(new RegExp(`secret-note\\.zhizao\\.yaml:${line}:\\d+ warning the note on digital_spend_share contains "保密" but is not marked internal`));
    expect(zhizao(['validate', file], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toContain('digital_spend_share 的备注含有“保密”，但没有标为内部');
    const internal = path.join(dir, 'internal-note.zhizao.yaml');
    writeFileSync(internal, text.replace('  digital_spend_share: 客户保密：财务部未单独归集信息化投入。', '  digital_spend_share: {text: 客户保密：财务部未单独归集信息化投入。, internal: true}'));
    expect(zhizao(['validate', internal]).stderr).not.toContain('not marked internal');
  });

  it('report: a level resting on "don\'t know" answers says how many, beside the level', () => {
    const doc = parse(example) as { answers: Record<string, unknown> };
    const requirements = Object.keys(doc.answers).filter((k) => k.startsWith('req_')).slice(0, 20);
    for (const id of requirements) doc.answers[id] = 'unknown';
    const file = path.join(dir, 'unknowns.zhizao.yaml');
    writeFileSync(file, stringify(doc));
    const score = JSON.parse(zhizao(['score', file, '--json']).stdout) as { scoredUnknown: number; scoredAnswered: number };
    expect(score.scoredUnknown).toBeGreaterThanOrEqual(15);
    const r = zhizao(['report', file, '--format', 'md', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${score.scoredUnknown} of the ${score.scoredAnswered} answered scored questions`);
    expect(r.stdout).toContain('were answered “don\'t know” and scored as not met; once they are checked, the level may be higher');
  });
});
