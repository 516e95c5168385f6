// Duties said as the plant's answers show them, through the built CLI: an automotive supplier that traces only part of
// its products (req_quality_traceability: partial) is shown not to meet IATF 16949 8.5.2 — not "to be checked"; a
// plant whose business systems are all in the cloud and that runs no MES is not shown in breach of the multi-level
// protection scheme (a SaaS provider carries it for its platform): the answers cannot tell, and the report says why.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, zhizao } from '../helpers/cli';

const dir = tempDir('zhizao-duties-');
const report = (file: string) => {
  const out = path.join(dir, `${path.basename(file, '.yaml')}.md`);
  const r = zhizao(['report', path.join(FIXTURES, 'review27', file), '--format', 'md', '--lang', 'zh', '-o', out, '--force']);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
};
const dutyLine = (md: string, source: string) => md.split('\n').find((l) => l.startsWith('- ') && l.includes(source))!;

describe('duties as the answers show them', () => {
  it('IATF 16949 traceability met only in part: shown not met, with the project that meets it', () => {
    const line = dutyLine(report('auto.yaml'), 'IATF 16949:2016 第8.5.2条');
    expect(line).toContain('— 答卷显示尚未满足。');
    expect(line).not.toContain('待核查');
  });

  it('business systems in the cloud, no MES, nothing classified: the multi-level protection duty is to be checked, not breached', () => {
    const line = dutyLine(report('small-equip.yaml'), '公通字〔2007〕43号');
    expect(line).toContain('待核查：答卷显示业务系统尚未定级，但已上云、未用 MES：如是 SaaS 服务，平台的等级保护由服务商履行；如是本厂在云主机上自建自管的系统，仍须由本厂定级');
    expect(line).not.toContain('答卷显示尚未满足');
  });

  it('a project the plant\'s words call for, not proposed, whose duty a proposed project settles: said to be answered there', () => {
    const md = report('auto.yaml');
    expect(md).toContain('企业在访谈中谈到的需要涉及“原辅料—生产—仓储全流程质量追溯”，这一项目本方案未单独列入：这方面的需要由本方案近期（0–6 个月）的“零部件赋码与扫码追溯（中小配套厂轻量方案）”落实。');
    expect(md).not.toContain('“原辅料—生产—仓储全流程质量追溯”，这一项目本方案暂未单独列入：答卷显示本厂有这方面的需要');
  });
});
