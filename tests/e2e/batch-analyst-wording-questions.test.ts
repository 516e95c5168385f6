/**
 * `zhizao batch` (and `validate`) as a programme-office analyst reads it, built CLI, second pass: an answer that
 * cannot be read is named by its question's text and lists options by their labels (no leading question id, no
 * option codes in a table); the plan sheet names a question it did not ask in words; the companies sheet names the
 * smart-factory tiers; a grouping by a single-choice question shows option labels; a run that scored nothing says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellProblem, Rejected } from '../../src/app/batch/parts';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

interface Out {
  rejected: Rejected[];
  problems: CellProblem[];
}

/** Bad cells: words in a number column, a label that is no option, a yes/no that is neither. */
const BAD_CELLS = [
  'company,sector,industry,key_processes_total,key_processes_cnc,design_tools,has_plm,date',
  '甲公司,C34,discrete,约20,5,二维CAD,是,2026-01-05',
  '乙公司,C34,discrete,10,5,xxx,是,2026-01-05',
  '丙公司,C34,discrete,10,5,二维CAD,也许,2026-01-06',
  '',
].join('\n');

let dir: string;
const run = (args: string[], lang = 'zh') => zhizao(['batch', ...args, '--lang', lang], { cwd: dir });

/** The shipped example, with `edits` applied line by line (`from` → `to`). */
function example(name: string, edits: [string, string][]): void {
  let text = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(path.join(dir, name), text);
}

beforeAll(() => {
  dir = tempDir('zhizao-batch-wording-questions-');
  writeFileSync(path.join(dir, 'bad.csv'), BAD_CELLS);
  example('bad.yaml', [
    ['  design_tools: [cad2d, cad3d, cam, pdm]', '  design_tools: [cad2d, xxx]'],
    ['  key_processes_total: 12', '  key_processes_total: 约20'],
  ]);
});

describe('an answer that cannot be read, in the analyst’s words (built CLI)', { timeout: 180_000 }, () => {
  it('batch names the question by its text beside its column and lists the options by their labels, without ids or codes', () => {
    const zh = run(['bad.csv', '-o', 'bad.xlsx', '--force']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('甲公司：“key_processes_total”列：“主要产品的关键工序共有多少道？”："约20" 不是数字：请只填数字（如 12 道），不知道的填“不清楚”');
    expect(zh.stderr).toContain('乙公司：“design_tools”列：“设计和工艺人员日常使用哪些数字化研发设计工具？”："xxx" 不是允许的值；应为以下之一：“二维 CAD”、“三维 CAD”、“CAE 仿真分析”');
    expect(zh.stderr).toContain('丙公司：“has_plm”列：“是否在用 PDM 或 PLM 系统管理图纸、BOM 和设计变更？”："也许" 不是“是/否”；请填“是”或“否”');
    expect(zh.stderr).not.toMatch(/key_processes_total："|design_tools："|cad2d|true 或 false/);
    const en = run(['bad.csv'], 'en');
    expect(en.stderr).toContain('乙公司: column “design_tools”: "Which digital design tools do design and process staff use in their daily work?": "xxx" is not an allowed value; expected one of "2D CAD", "3D CAD"');
    expect(en.stderr).not.toMatch(/cad2d|true or false/);
    // the problems list (its own column beside the message) and the rejected list say it the same way
    const out = JSON.parse(run(['bad.csv', '--json']).stdout) as Out;
    const p = out.problems.find((x) => x.cell === 'D2')!;
    expect([p.header, p.message]).toEqual(['key_processes_total', '“主要产品的关键工序共有多少道？”："约20" 不是数字：请只填数字（如 12 道），不知道的填“不清楚”']);
    expect(out.rejected[1]!.problems[0]!.message).toMatch(/^“设计和工艺人员日常使用哪些数字化研发设计工具？”："xxx" 不是允许的值；应为以下之一：“二维 CAD”、/);
    // the dry run words the cells as the run does
    expect(run(['bad.csv', '--dry-run']).stdout).toContain('F3 乙公司：“design_tools”列：“设计和工艺人员日常使用哪些数字化研发设计工具？”："xxx" 不是允许的值；应为以下之一：“二维 CAD”、');
  });

  it('validate (and batch of answer files) names the question by its text with the id it is written under, options by label and value', () => {
    const zh = zhizao(['validate', 'bad.yaml', '--lang', 'zh'], { cwd: dir });
    expect(zh.code).toBe(1);
    expect(zh.stdout + zh.stderr).toContain('错误 “设计和工艺人员日常使用哪些数字化研发设计工具？”（design_tools）："xxx" 不是允许的值；应为以下之一：“二维 CAD”（cad2d）、“三维 CAD”（cad3d）、');
    expect(zh.stdout + zh.stderr).toContain('错误 “主要产品的关键工序共有多少道？”（key_processes_total）："约20" 不是数字');
    const en = zhizao(['validate', 'bad.yaml'], { cwd: dir });
    expect(en.stdout + en.stderr).toContain('error "How many key processes do the main products have?" (key_processes_total): "约20" is not a number');
    expect(en.stdout + en.stderr).not.toMatch(/error design_tools: |expected one of cad2d/);
    // batch rejects the file with the validator's words
    expect(run(['bad.yaml']).stderr).toContain('“设计和工艺人员日常使用哪些数字化研发设计工具？”（design_tools）："xxx" 不是允许的值');
  });

  it('the plan sheet names the questions the input did not ask, and the units in use, by their text', () => {
    expect(run(['bad.csv', '-o', 'plan.csv', '--force', '--on-bad-cell', 'blank']).code).toBe(0);
    const zh = readFileSync(path.join(dir, 'plan.plan.csv'), 'utf8');
    expect(zh).toContain('“在用的工业机器人有多少台？”（robots_count）：本次输入未问及（留空，不是 0）。');
    expect(zh).not.toContain('robots_count：');
    run(['bad.csv', '-o', 'plan-en.csv', '--force', '--on-bad-cell', 'blank'], 'en');
    expect(readFileSync(path.join(dir, 'plan-en.plan.csv'), 'utf8')).toContain('""How many industrial robots are in use?"" (robots_count): not asked in this input (blank, not 0).');
    example('robots.yaml', []);
    run(['robots.yaml', '-o', 'plan2.csv', '--force', '--min-group-size', '1']);
    expect(readFileSync(path.join(dir, 'plan2.plan.csv'), 'utf8')).toContain('最近一次诊断时在用（“在用的工业机器人有多少台？”）：4（1 家企业作答）。');
  });

  it('the companies sheet and CSV name the smart-factory tiers; the JSON keeps their ids', async () => {
    // every requirement met: level 4, the level condition of every tier
    let text = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
    text = text.replace(/^( {2}req_[a-z_0-9]+): (none|partial|mostly)$/gm, '$1: full');
    writeFileSync(path.join(dir, 'high.yaml'), text);
    const out = JSON.parse(run(['high.yaml', '--json']).stdout) as { companies: { tierConditions: string[] }[] };
    expect(out.companies[0]!.tierConditions).toEqual(['basic', 'advanced', 'excellent', 'leading']);
    run(['high.yaml', '-o', 'high.csv', '--force']);
    const rows = readFileSync(path.join(dir, 'high.csv'), 'utf8').split('\r\n');
    const at = rows[0]!.split(',').indexOf('tier_level_conditions');
    expect(rows[2]!.split(',')[at]).toBe('基础级；先进级；卓越级；领航级');
    run(['high.yaml', '-o', 'high.xlsx', '--force'], 'en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'high.xlsx'));
    const sheet = wb.getWorksheet('明细')!;
    const column = (sheet.getRow(1).values as unknown[]).findIndex((v) => String(v).startsWith('tiers whose level condition is met'));
    expect(sheet.getRow(2).getCell(column).value).toBe('Basic; Advanced; Excellent; Leading');
  });

  it('a grouping by a single-choice question names its groups by the options’ labels, and the question by its text', async () => {
    const files: string[] = [];
    for (let i = 1; i <= 4; i++) {
      example(`mode${i}.yaml`, [
        ['company: 郑州示例机械有限公司', `company: 公司${i}`],
        ['credit_code: 91410100MA45K7R84Q', ''],
        ...(i > 2 ? ([['production_mode: make_to_order', 'production_mode: make_to_stock']] as [string, string][]) : []),
      ]);
      files.push(`mode${i}.yaml`);
    }
    // groups of 2, merged into "other": stderr names the question and the merged groups in words
    const zh = run([...files, '--group-by', 'production_mode', '-o', 'mode.xlsx', '--force']);
    expect(zh.stderr).toContain('按“主要产品的生产组织方式是哪一种？”分组：2 个少于 5 家企业的分组不单列，已并入“其他”');
    expect(zh.stderr).toContain('并入的分组：按订单生产、备货生产');
    expect(zh.stderr).not.toMatch(/production_mode|make_to/);
    // every group shown: the summary sheets and the companies sheet by the options' labels
    run([...files, '--group-by', 'production_mode', '-o', 'mode1.xlsx', '--force', '--min-group-size', '1']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'mode1.xlsx'));
    const texts = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map(String).join(' | ')));
      return out.join('\n');
    };
    expect(texts('汇总')).toContain('“主要产品的生产组织方式是哪一种？”：按订单生产 | 2');
    expect(texts('汇总长表')).toContain('按“主要产品的生产组织方式是哪一种？”（production_mode）分组 | 备货生产 | 企业数');
    expect(texts('明细')).toContain('| 备货生产 |');
    for (const name of ['汇总', '汇总长表', '明细']) expect(texts(name)).not.toContain('make_to');
    // the CSV keeps the values as ids for scripts
    run([...files, '--group-by', 'production_mode', '-o', 'mode.csv', '--force', '--min-group-size', '1']);
    expect(readFileSync(path.join(dir, 'mode.summary.csv'), 'utf8')).toContain('\r\ngroup:production_mode,make_to_stock,companies,');
  });

  it('a run that scored nothing says so plainly, without "0 家企业", "0 题（简版问卷）" or figures over no company', () => {
    writeFileSync(path.join(dir, 'none.csv'), 'company,sector,industry,key_processes_total,key_processes_cnc,date\n甲公司,C34,discrete,约20,5,2026-01-05\n乙公司,C34,discrete,abc,5,2026-01-05\n');
    const zh = run(['none.csv']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe('没有可评分的答卷，拒收 2 项\n本批次没有可汇总的数值。来源：没有可评分的答卷，2 项输入被拒收。被拒收的输入逐项列在拒收清单中，并写明原因。\n');
    const en = run(['none.csv', '-o', 'none.xlsx', '--force'], 'en');
    expect(en.stderr).toContain('nothing scored: 2 inputs rejected\nThis batch has no figures to state. Source: no answer set could be scored; 2 inputs were rejected. The rejected inputs are listed one by one, with the reason, in the rejected list.\n');
    expect(en.stderr).not.toMatch(/maturity levels|0 companies|0 of the questionnaire|scored 0/);
  });
});
