/**
 * The mistakes a new user makes, through the built CLI, in Chinese and English: a mis-indented answer file, an
 * empty one, a table or a document passed to `report`, a survey export passed to `batch` without its map, a folder
 * passed to `report` or as the survey map, and a misspelt answer key (which would silently change the plan).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, FIXTURES, tempDir, zhizao } from '../helpers/cli';

const EXAMPLE = path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml');
const exampleText = readFileSync(EXAMPLE, 'utf8');
const SURVEY_CSV = path.join(FIXTURES, 'batch', 'survey', 'wjx-survey.csv');
const ZH = { env: { LANG: 'zh_CN.UTF-8' } };
const dir = tempDir('zhizao-mistakes-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
/** Lines of stderr that are diagnostics (errors or warnings), in either language. */
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => / (error|错误) /.test(l));
/** `validate` refuses the file with exactly one diagnostic: its stderr. */
const refusedOnce = (file: string, env?: typeof ZH): string => {
  const r = zhizao(['validate', file], env);
  expect(r.code).toBe(1);
  expect(errorLines(r.stderr)).toHaveLength(1);
  return r.stderr;
};

describe('a YAML syntax error: the first one, in our words, with its line', () => {
  // One space too many before an answer in the middle of the answers: the yaml package reports every line after it.
  const misIndented = exampleText.replace('\n  designers_digital: 30\n', '\n   designers_digital: 30\n');
  const file = write('mis-indented.zhizao.yaml', misIndented);
  const bad = lineOf(misIndented, '   designers_digital: 30');

  it('report: one error at the mis-indented line (not the line above, where the parser puts it), the line itself and the hint (en)', () => {
    const r = zhizao(['report', file]);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(3);
    expect(r.stderr).toContain(
      `mis-indented.zhizao.yaml:${bad}:4 error YAML syntax error: this line is indented further than the line above, so it reads as a sub-item of a line that already has a value; check the indentation of this line against the line above`,
    );
    expect(r.stderr).toContain(`  ${bad} |    designers_digital: 30\n     |    ^`);
    // the parser's two errors at one place are one mistake
    expect(r.stderr).not.toContain('more syntax');
    expect(r.stderr).not.toContain('Nested mappings');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('the same in Chinese, without the parser\'s English', () => {
    const r = zhizao(['report', file], ZH);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`mis-indented.zhizao.yaml:${bad}:4 错误 YAML 语法错误：这一行比上一行缩进得多，被当成了上一行的下级，而上一行已经有值；请对照上一行检查这一行的缩进`);
    expect(r.stderr).not.toMatch(/Nested|mapping|allowed/);
  });

  it('validate --json: one problem, with the line as excerpt', () => {
    const r = zhizao(['validate', file, '--json']);
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.stdout).files[0].problems as { line: number; code: string; excerpt?: string }[];
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: bad, code: 'yaml.syntax', excerpt: '   designers_digital: 30' });
  });

  it('a [ left open is pointed at where it opens, not at the next line where the parser trips (en, zh)', () => {
    const text = exampleText.replace('\n  designers_digital: 30\n', '\n  designers_digital: [30\n');
    const open = write('open-bracket.yaml', text);
    const at = lineOf(text, '  designers_digital: [30');
    expect(refusedOnce(open)).toContain(`open-bracket.yaml:${at}:22 error YAML syntax error: this "[" is never closed: a list or map written on one line ends on that line, as in [a, b] or {a: 1}`);
    expect(refusedOnce(open, ZH)).toContain(`open-bracket.yaml:${at}:22 错误 YAML 语法错误：这里的“[”没有闭合`);
  });

  it('a key typed with the Chinese full-width colon is pointed at its colon, in the middle of the answers and on the last line (en, zh)', () => {
    const middle = exampleText.replace('\n  designers_digital: 30\n', '\n  designers_digital：30\n');
    const inside = write('full-width-colon.yaml', middle);
    const at = lineOf(middle, 'designers_digital：30');
    expect(refusedOnce(inside)).toContain(`full-width-colon.yaml:${at}:20 error YAML syntax error: the key is followed by a full-width colon "：" (a Chinese input method's): write an ASCII colon and a space, as in "key: value"`);
    expect(refusedOnce(inside, ZH)).toContain(`full-width-colon.yaml:${at}:20 错误 YAML 语法错误：键名后用了中文冒号“：”：请改为英文冒号加空格（应写成“键: 值”）`);
    // the last line of a file: the parser reports it elsewhere, the colon is still what is pointed at
    const last = `${exampleText.trimEnd()}\n  kpi_note：8\n`;
    const end = write('full-width-colon-last.yaml', last);
    expect(refusedOnce(end, ZH)).toContain(`full-width-colon-last.yaml:${lineOf(last, 'kpi_note：8')}:11 错误 YAML 语法错误：键名后用了中文冒号“：”`);
  });

  it('one space too few, a tab and a key written twice are explained too', () => {
    const fewer = write('fewer.yaml', exampleText.replace('\n  designers_digital: 30\n', '\n designers_digital: 30\n'));
    const r1 = zhizao(['validate', fewer]);
    expect(r1.code).toBe(1);
    // the yaml package reports some 250 errors here, one for nearly every line after it
    expect(errorLines(r1.stderr)).toHaveLength(1);
    expect(r1.stderr).toContain(`fewer.yaml:${bad}:1 error YAML syntax error: this line is not indented like the lines it belongs with; check the indentation of this line against the line above`);
    expect(r1.stderr).toMatch(/; \d{3} more syntax errors follow from it: fix this one and run again/);
    const zh1 = zhizao(['validate', fewer], ZH);
    expect(zh1.stderr).toMatch(/；由此还引出 \d{3} 个语法错误：先改正这一处，再重新运行/);

    const tab = write('tab.yaml', exampleText.replace('\n  designers_digital: 30\n', '\n\tdesigners_digital: 30\n'));
    const r2 = zhizao(['validate', tab], ZH);
    expect(r2.code).toBe(1);
    expect(errorLines(r2.stderr)).toHaveLength(1);
    expect(r2.stderr).toContain(`tab.yaml:${bad}:1 错误 YAML 语法错误：这一行用了 Tab 缩进，而 YAML 只允许用空格缩进：请把 Tab 换成空格`);
    expect(r2.stderr).toContain('→designers_digital: 30');

    const twice = write('twice.yaml', exampleText.replace('\n  designers_digital: 30\n', '\n  designers_digital: 30\n  designers_digital: 31\n'));
    const r3 = zhizao(['score', twice]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain(`twice.yaml:${bad + 1}:3 error YAML syntax error: this key is written twice at the same level: keep one of them`);
    expect(r3.stderr).not.toContain('more syntax');
  });
});

describe('an empty answer file', () => {
  it('says the file is empty and how to start one (en, zh)', () => {
    const empty = write('empty.zhizao.yaml', '');
    const comments = write('comments.zhizao.yaml', '# 答卷\n\n# (nothing yet)\n');
    for (const f of [empty, comments]) {
      const r = zhizao(['report', f]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${path.basename(f)}:1:1 error the file is empty`);
      expect(r.stderr).toContain('zhizao template');
      expect(r.stderr).toContain('zhizao assess');
      expect(r.stderr).not.toContain('top level');
    }
    const zh = zhizao(['validate', empty], ZH);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('empty.zhizao.yaml:1:1 错误 文件为空');
    expect(zh.stderr).not.toMatch(/top level|顶层|类型应为/);
  });
});

describe('a table or a document passed where an answer file goes', () => {
  it('an .xlsx workbook, a CSV and a ZIP named .yaml: report, score and validate name it for what it is; exit 1', () => {
    const xlsx = path.join(dir, 'survey.xlsx');
    expect(zhizao(['template', '--format', 'xlsx-form', '-o', xlsx]).code).toBe(0);
    const r = zhizao(['report', xlsx]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/survey\.xlsx: error this is a table \(\.xlsx\), not an answer file: `(npx )?zhizao report` takes an answer file \(\.zhizao\.yaml or \.json\); for survey tables use `(npx )?zhizao batch FILE --map MAP`/);
    expect(r.stderr).not.toMatch(/nesting|deeper/);
    const zh = zhizao(['score', xlsx], ZH);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/`(npx )?zhizao score` 需要的是答卷文件（\.zhizao\.yaml 或 \.json）；问卷调查表请用 `(npx )?zhizao batch 表格文件 --map 映射文件`/);
    expect(zh.stderr).not.toContain('嵌套');

    const csv = write('survey.csv', readFileSync(SURVEY_CSV));
    const c = zhizao(['report', csv]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('this is a table (.csv), not an answer file');

    // the bytes decide when the name does not: a workbook renamed to .yaml
    const renamed = write('plant.zhizao.yaml', readFileSync(xlsx));
    const z = zhizao(['validate', renamed]);
    expect(z.code).toBe(1);
    expect(z.stderr).toMatch(/plant\.zhizao\.yaml: error this is a ZIP file, not an answer file: `(npx )?zhizao validate` takes an answer file/);
  });

  it('a Word document and a PDF', () => {
    const pdf = write('report.pdf', '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const r = zhizao(['report', pdf]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/report\.pdf: error this is a PDF file, not an answer file: `(npx )?zhizao report` takes an answer file \(\.zhizao\.yaml or \.json\); start one with `(npx )?zhizao template/);
    const docx = write('问卷.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    const zh = zhizao(['validate', docx], ZH);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/问卷\.docx: 错误 这是 Word \(\.docx\) 文件，不是答卷：`(npx )?zhizao validate` 需要的是答卷文件/);
  });
});

describe('a survey export passed to batch without --map', () => {
  it('says no --map was given and how to make one (en, zh); exit 1; the advice works', () => {
    const csv = write('wjx.csv', readFileSync(SURVEY_CSV));
    const r = zhizao(['batch', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no --map was given');
    expect(r.stderr).toContain('zhizao map init FILE -o map.yaml');
    expect(r.stderr).not.toContain('no header row');
    const zh = zhizao(['batch', csv], ZH);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('且未指定 --map');
    expect(zh.stderr).toContain('zhizao map init 表格文件 -o map.yaml');
    expect(zh.stderr).not.toContain('表格没有表头行');
    // validate reads the table the same way
    expect(zhizao(['validate', csv]).stderr).toContain('no --map was given');
    // and the command it names exists
    const map = path.join(dir, 'map.yaml');
    expect(zhizao(['map', 'init', csv, '-o', map]).code).toBe(0);
    expect(existsSync(map)).toBe(true);
  });
});

describe('a folder passed to report', () => {
  it('says report takes one answer file, and batch takes folders (en, zh)', () => {
    const folder = path.join(dir, 'answers');
    mkdirSync(folder, { recursive: true });
    copyFileSync(EXAMPLE, path.join(folder, 'a.zhizao.yaml'));
    const r = zhizao(['report', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/answers: error `(npx )?zhizao report` takes an answer file \(\.zhizao\.yaml or \.json\), not a folder; to read every answer file in a folder use `(npx )?zhizao batch FOLDER`/);
    expect(r.stderr).not.toContain('regular file');
    const zh = zhizao(['score', folder], ZH);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/`(npx )?zhizao score` 需要的是答卷文件（\.zhizao\.yaml 或 \.json），不是文件夹；要读取文件夹中的所有答卷，请用 `(npx )?zhizao batch 文件夹`/);
    expect(zh.stderr).not.toMatch(/regular|无法读取/);
  });

  it('names the command that runs zhizao where the user is: node <launcher> outside a project, without zhizao on PATH', () => {
    const folder = path.join(dir, 'answers');
    mkdirSync(folder, { recursive: true });
    // the temporary folder is in no project that has zhizao
    const elsewhere = { cwd: dir, env: { PATH: '/usr/bin:/bin', npm_lifecycle_event: '', npm_command: '' } };
    const r = zhizao(['report', folder], elsewhere);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error \`node ${BIN} report\` takes an answer file (.zhizao.yaml or .json), not a folder; to read every answer file in a folder use \`node ${BIN} batch FOLDER\``);
    const json = JSON.parse(zhizao(['validate', folder, '--json'], elsewhere).stdout) as { files: { problems: { message: string }[] }[] };
    expect(json.files[0]!.problems[0]!.message).toContain(`\`node ${BIN} validate\` takes an answer file`);
    // batch words its messages in its workers, and names the same command (an empty answer file, a table without its map)
    const inputs = path.join(dir, 'batch-inputs');
    mkdirSync(inputs, { recursive: true });
    writeFileSync(path.join(inputs, 'empty.zhizao.yaml'), '');
    copyFileSync(SURVEY_CSV, path.join(inputs, 'wjx.csv'));
    const b = zhizao(['batch', inputs, '-o', path.join(dir, 'batch-out.json'), '--force'], elsewhere);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`Start one with \`node ${BIN} template -o plant.zhizao.yaml\` (a blank form to fill in) or \`node ${BIN} assess\``);
    expect(b.stderr).toContain(`make a map with \`node ${BIN} map init FILE -o map.yaml\`, check it, then run \`node ${BIN} batch FILE --map map.yaml\``);
    expect(b.stderr).not.toMatch(/`zhizao |\{cmd\}/);
  });
});

describe('a misspelt answer key', () => {
  const typo = exampleText.replace('  retrofit_budget_band: from_5m_to_20m', '  retrofit_budget: from_5m_to_20m');
  const file = write('typo.zhizao.yaml', typo);
  const line = lineOf(typo, '  retrofit_budget: ');

  it('report and score refuse it (exit 1) naming file:line:column, the suggestion and the fix; nothing is written', () => {
    const out = path.join(dir, 'typo-report.md');
    const r = zhizao(['report', file, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`typo.zhizao.yaml:${line}:3 error no question "retrofit_budget" in this questionnaire: did you mean retrofit_budget_band? Correct the key to retrofit_budget_band`);
    expect(existsSync(out)).toBe(false);
    const zh = zhizao(['score', file], ZH);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`typo.zhizao.yaml:${line}:3 错误 问卷中没有题目 "retrofit_budget"：是不是 retrofit_budget_band？请把键名改为 retrofit_budget_band`);
    expect(zh.stdout).toBe('');
  });

  it('validate reports it as an error', () => {
    const r = zhizao(['validate', file, '--json']);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).files[0];
    expect(f.valid).toBe(false);
    expect(f.problems).toEqual([expect.objectContaining({ line, column: 3, severity: 'error', code: 'answers.misspelt-question' })]);
  });

  it('a key like no question stays a warning: the report is made (exit 0)', () => {
    const other = write('remark.zhizao.yaml', exampleText.replace('  retrofit_budget_band: from_5m_to_20m', '  retrofit_budget_band: from_5m_to_20m\n  our_own_remark: 见附件'));
    const r = zhizao(['report', other, '-o', path.join(dir, 'remark.md')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning no question "our_own_remark" in this questionnaire: the answer is ignored');
  });

  it('a note under a key that is no question says the note (not an answer) is ignored, and where notes go', () => {
    const noted = write('note-key.zhizao.yaml', exampleText.replace('\nnotes:\n', '\nnotes:\n  interviewees: 只访谈到办公室主任\n  retrofit_budget: 预算待董事会定\n'));
    const r = zhizao(['validate', noted]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning no question "interviewees" in this questionnaire: the note is ignored (a note is written under the id of the question it is about)');
    expect(r.stderr).toContain('warning no question "retrofit_budget" in this questionnaire: did you mean retrofit_budget_band? The note is ignored');
    expect(r.stderr).not.toContain('the answer is ignored');
    expect(zhizao(['validate', noted], ZH).stderr).toContain('问卷中没有题目 "interviewees"：该备注将被忽略');
  });

  it('batch rejects that file with the reason and scores the others (exit 1)', () => {
    const folder = path.join(dir, 'batch-in');
    mkdirSync(folder, { recursive: true });
    copyFileSync(EXAMPLE, path.join(folder, 'good.zhizao.yaml'));
    writeFileSync(path.join(folder, 'typo.zhizao.yaml'), typo);
    const r = zhizao(['batch', folder, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { companies: { file: string }[]; rejected: { file: string; line: number; column: number; message: string; problems: { code: string }[] }[] };
    expect(out.companies.map((c) => path.basename(c.file))).toEqual(['good.zhizao.yaml']);
    expect(out.rejected).toHaveLength(1);
    expect(out.rejected[0]).toMatchObject({ line, column: 3 });
    expect(path.basename(out.rejected[0]!.file)).toBe('typo.zhizao.yaml');
    expect(out.rejected[0]!.problems[0]!.code).toBe('answers.misspelt-question');
    expect(out.rejected[0]!.message).toContain('did you mean retrofit_budget_band?');
  });
});

describe('a folder where a file is expected (the survey map)', () => {
  it('batch --map FOLDER says it is a folder, not a file (en, zh); exit 1', () => {
    const folder = path.join(dir, 'maps');
    mkdirSync(folder, { recursive: true });
    const r = zhizao(['batch', SURVEY_CSV, '--map', folder, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('maps: error this is a folder, not a file');
    const zh = zhizao(['batch', SURVEY_CSV, '--map', folder, '--dry-run'], ZH);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('这是一个文件夹，不是文件');
  });
});

describe('an output given twice (-o a.xlsx -o b.csv)', () => {
  it('is a usage error (exit 2) naming both, and nothing is written; before, only the last was written, silently', () => {
    const a = path.join(dir, 'twice-a.xlsx');
    const b = path.join(dir, 'twice-b.csv');
    const r = zhizao(['batch', EXAMPLES, '-o', a, '-o', b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Given twice ("${a}", then "${b}")`);
    expect(existsSync(a) || existsSync(b)).toBe(false);
    const zh = zhizao(['report', EXAMPLE, '-o', path.join(dir, 'twice-a.md'), '-o', path.join(dir, 'twice-b.md')], ZH);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('给了两次');
  });
});

describe('a definition file given where answers are expected (wording.yaml to validate, rules to score)', () => {
  it('one error that says what the file is and the command that checks it; before, a wall of "unknown field" errors', () => {
    const r = zhizao(['validate', 'report-templates/wording.yaml'], ZH);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('report-templates/wording.yaml:4:7 错误 这是定义文件（kind: wording），不是答卷：检查定义文件请用');
    expect(r.stderr).toContain('validate --definition report-templates/wording.yaml');
    expect(r.stderr).not.toContain('未知字段');
    const en = zhizao(['score', 'questionnaires/rules/default.yaml']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('this is a definition file (kind: rules), not an answer file');
  });
});
