/**
 * The interview end to end through the real inquirer prompts, driven with simulated keystrokes
 * (@inquirer/testing's `screen`), from `assess()` down to the saved file.
 */
import { screen } from '@inquirer/testing/vitest';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { assess } from '../../src/cli/commands/assess.js';
import { ExitError } from '../../src/cli/errors.js';
import { inquirerPrompter } from '../../src/cli/interview/inquirer-prompter.js';
import { runSession } from '../../src/cli/interview/session.js';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { Chalk } from 'chalk';
import type { Context } from '../../src/cli/context.js';
import { formatDiagnostic, makeTerminal, type Terminal } from '../../src/cli/terminal.js';
import type { AnswerFile } from '../../src/core/types.js';
import { Definitions } from '../../src/io/definitions.js';
import { spawnSync } from 'node:child_process';
import { FIXTURES, ROOT, tempDir } from '../helpers/cli.js';

// The interview's own list prompt (digit keys, no commands in the transcript) shares the simulated screen too.
vi.mock('../../src/cli/interview/select-prompt.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof import('../../src/cli/interview/select-prompt.js')>();
  return { ...actual, default: wrapPrompt(actual.default as never) };
});

const MINI = path.join(FIXTURES, 'definitions', 'mini.yaml');
const MODES = path.join(FIXTURES, 'definitions', 'mini-modes.yaml');

function setup(opts: Record<string, unknown> = {}, lang: 'en' | 'zh' = 'en') {
  const log: string[] = [];
  const out: string[] = [];
  const base = makeTerminal(lang);
  const term: Terminal = {
    ...base,
    say: (l) => log.push(stripVTControlCharacters(l)),
    diagnostics: (ds) => log.push(...ds.map((d) => formatDiagnostic(d, lang, base.cmd()))),
    stdout: { write: (s: string) => (out.push(stripVTControlCharacters(s)), true) } as unknown as NodeJS.WriteStream,
  };
  const ctx: Context = { term, defs: new Definitions(), opts: { questionnaire: MINI, ...opts } as Context['opts'] };
  return { ctx, log, out };
}
/** assess() as the command runs it, with `zhizao` as the command that runs the tool where the user is. */
function start(ctx: Context, file: string | undefined, env: { cwd?: string } = {}) {
  return assess(ctx as never, file, { isTTY: true, command: 'zhizao', ...env });
}

const read = (file: string) => parse(readFileSync(file, 'utf8')) as AnswerFile;
const only = (dir: string) => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.zhizao.yaml'));
  expect(files).toHaveLength(1);
  return path.join(dir, files[0]!);
};

/** The screen with every run of white space (wrapped lines too) made one space. */
const flatScreen = () => screen.getScreen().replace(/\s+/g, ' ');
/** The line with the cursor (select and checkbox). */
const activeLine = () => screen.getScreen().split('\n').find((l) => l.startsWith('❯')) ?? '';

async function enter() {
  screen.keypress('enter');
  await screen.next();
  if (process.env.DEBUG_SCREEN) console.log('-----\n' + screen.getScreen());
}
async function typeEnter(text: string) {
  screen.type(text);
  await enter();
}
/** Move the cursor to the entry containing `label` and press Enter. */
async function choose(label: string) {
  moveTo(label);
  await enter();
}
function moveTo(label: string) {
  for (let i = 0; i < 60 && !activeLine().includes(label); i++) screen.keypress(i < 30 ? 'down' : 'up');
  expect(activeLine()).toContain(label);
}
/** Tick checkbox entries by label, then submit. */
async function tick(labels: string[]) {
  for (const l of labels) {
    moveTo(l);
    screen.keypress('space');
  }
  await enter();
}

/** Start a new interview and answer the respondent steps (everything optional left empty). */
async function startNew(company: string, industry = 'discrete') {
  await screen.next();
  expect(screen.getScreen()).toContain('Date of the assessment');
  await enter();
  expect(screen.getScreen()).toContain('Industry type');
  await choose(`(${industry})`);
  expect(screen.getScreen()).toContain('Company');
  await typeEnter(company);
  for (const label of ['Site', 'Sector', 'Region', 'Assessor', 'Interviewees']) {
    expect(screen.getScreen()).toContain(label);
    await enter();
  }
  expect(screen.getScreen()).toContain('Add programme-office details');
  await choose('no');
}

describe('assess: a new interview', () => {
  it('asks the date first and names the file by it, saves every field and answer before the next prompt, and finishes with the score', async () => {
    const dir = tempDir();
    const { ctx, log, out } = setup();
    const done = start(ctx, undefined, { cwd: dir });
    await screen.next();
    expect(screen.getScreen()).toContain('Date of the assessment');
    expect(screen.getScreen()).toMatch(/\(\d{4}-\d{2}-\d{2}\)/); // today as default
    // calendar-checked, in words; the forms a Chinese user types are read
    screen.type('2026-02-30');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('2026-02-30 is not a day of the calendar: month 2 of 2026 has 28 days');
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    await typeEnter('2026年11月29日');
    await choose('(discrete)');
    expect(readdirSync(dir)).toEqual([]); // nothing to name the file by yet
    await typeEnter('ACME / Co. Ltd.');
    const file = only(dir);
    expect(path.basename(file)).toBe('ACME-Co.-Ltd-2026-11-29.zhizao.yaml'); // the assessment date, not today's
    expect(read(file).respondent).toEqual({ company: 'ACME / Co. Ltd.', industry: 'discrete', date: '2026-11-29' });
    expect(read(file).progress).toMatchObject({ cursor: '@respondent.site', mode: 'express' });
    expect(log.join('\n')).toContain('Created');
    expect(log.join('\n')).toContain('Express interview');

    await typeEnter('Plant 2');
    expect(read(file).respondent.site).toBe('Plant 2');
    const beforeSector = log.length;
    await typeEnter('C34');
    expect(log.slice(beforeSector)).toEqual([]); // a GB/T 4754 code: nothing to warn about
    await enter(); // region
    await typeEnter('Wang');
    await typeEnter('Design Li; Production Zhao');
    expect(read(file).respondent.interviewees).toEqual(['Design Li', 'Production Zhao']);

    // programme-office details, with the credit-code checksum checked; shown as stored (capitals)
    await choose('yes');
    screen.type('91410100MA44XXXX0X');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('check character does not match');
    for (let i = 0; i < 18; i++) screen.keypress('backspace');
    await typeEnter('91350100m000100y43');
    expect(read(file).respondent.credit_code).toBe('91350100M000100Y43');
    expect(await screen.getFullOutput()).toContain('Unified social credit code (18 characters) 91350100M000100Y43');
    await typeEnter('410171');
    await typeEnter('Zhengzhou Economic Development Zone');
    await choose('yes');
    expect(screen.getScreen()).toContain('Enterprise class (A/B/C/D');
    for (const c of ['A', 'B', 'C', 'D']) expect(screen.getScreen()).toMatch(new RegExp(`^[❯ ] ${c}$`, 'm'));
    await choose('D');
    await choose('(planned)');
    await typeEnter('2027');
    expect(read(file).respondent).toMatchObject({
      district: '410171',
      park: 'Zhengzhou Economic Development Zone',
      above_designated_size: true,
      enterprise_class: 'D',
      retrofit_status: { status: 'planned', year: 2027 },
    });

    // questions, with the header showing where we are; options without level numbers
    let s = screen.getScreen();
    expect(s).toContain('[Design] question 1 of 5 · overall 0/12 answered');
    expect(s).toContain('How digital is product design?');
    expect(s).not.toMatch(/^[❯ ] \d · /m);
    expect(read(file).progress?.cursor).toBe('design_level');
    await choose('Collaboration');
    expect(read(file).answers?.design_level).toBe('collab');
    expect(read(file).progress?.cursor).toBe('bom_control');
    expect(screen.getScreen()).toContain('question 2 of 5 · overall 1/12 answered');
    await choose('Mostly met');
    // "None" with a tool is refused in the options' words (its label, not its value), and nothing is saved
    moveTo('3D CAD');
    screen.keypress('space');
    moveTo('None');
    screen.keypress('space');
    await enter();
    expect(flatScreen()).toContain('"None" cannot be combined with other choices');
    expect(flatScreen()).not.toContain('"none" cannot');
    expect(read(file).answers?.design_tools).toBeUndefined();
    moveTo('None');
    screen.keypress('space');
    await enter();
    expect(read(file).answers?.design_tools).toEqual(['cad3d']);
    await typeEnter('10');
    await typeEnter('7');
    expect(read(file).answers).toMatchObject({ designers_total: 10, designers_digital: 7 });
    s = screen.getScreen();
    expect(s).toContain('[Production] question 1 of 7');
    await typeEnter('１２'); // full-width digits, as a Chinese input method types them
    await typeEnter('5');
    await choose('no (否)');
    expect(screen.getScreen()).toContain('Robots at key work stations'); // MES follow-ups skipped
    await choose('Partly met');
    await typeEnter('2.5%');
    expect(read(file).answers?.defect_rate).toBe(0.025);
    await typeEnter('Changeovers take two hours');
    await choose('Make to order');

    // the review: nothing left
    expect(screen.getScreen()).toContain('Review: all 12 questions answered');
    expect(read(file).progress?.cursor).toBe('@review');
    screen.keypress('enter'); // finish is the first entry when nothing is open
    expect(await done).toBe(0);
    const summary = out.join('');
    expect(summary).toContain('✔ How digital is product design? · Collaboration'); // the answered line
    expect(summary).toContain('Maturity level');
    expect(summary).toContain('Key-process CNC rate: 41.7%');
    const said = log.join('\n');
    expect(said).toContain(`zhizao report ${file} --questionnaire ${MINI} -o report.html`);
    expect(`${summary}\n${said}`.match(/Maturity level/g)).toHaveLength(1); // the level line once, not again at the end
    expect(read(file).answers).toMatchObject({ key_processes_total: 12, key_processes_cnc: 5, has_mes: false, cnc_robots: 'partial', production_mode: 'mto' });
  });

  it('never overwrites an existing file (adds -2) and names the file neutrally with --anonymous-name', async () => {
    const dir = tempDir();
    const { ctx } = setup({ anonymousName: true });
    writeFileSync(path.join(dir, `assessment-2026-11-29.zhizao.yaml`), 'keep me');
    const done = start(ctx, undefined, { cwd: dir });
    await screen.next();
    await typeEnter('2026/11/29');
    // the name does not depend on the company: the file exists from the first step on, named by the date entered
    const created = path.join(dir, `assessment-2026-11-29-2.zhizao.yaml`);
    expect(read(created).respondent).toEqual({ company: '', industry: 'discrete', date: '2026-11-29' });
    expect(read(created).progress?.cursor).toBe('@respondent.industry');
    await choose('(process)');
    await typeEnter('Secret Chemicals');
    expect(readFileSync(path.join(dir, `assessment-2026-11-29.zhizao.yaml`), 'utf8')).toBe('keep me');
    expect(read(created).respondent.company).toBe('Secret Chemicals');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toBeInstanceOf(ExitError);
  });
});

describe('assess: a new FILE, a folder, an early Ctrl-C', () => {
  it('creates the FILE given on the command line from the first step, without replacing anything', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'site-visit.zhizao.yaml');
    const { ctx } = setup();
    const done = start(ctx, file);
    await screen.next();
    await enter(); // today
    expect(read(file)).toMatchObject({ questionnaire: 'mini', version: '2', respondent: { company: '', industry: 'discrete' } });
    await choose('(mixed)');
    expect(read(file)).toMatchObject({ questionnaire: 'mini', version: '2', respondent: { company: '', industry: 'mixed' } });
    await typeEnter('Named Later Ltd');
    expect(read(file).respondent.company).toBe('Named Later Ltd');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });

  it('puts a new file into a folder given as FILE', async () => {
    const dir = tempDir();
    const { ctx } = setup();
    const done = start(ctx, dir, { cwd: '/nonexistent' });
    await screen.next();
    await enter(); // today
    await choose('(discrete)');
    await typeEnter('郑州示例机械有限公司');
    expect(only(dir)).toMatch(/郑州示例机械有限公司-\d{4}-\d{2}-\d{2}\.zhizao\.yaml$/);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });

  it('Ctrl-C before the company is known says that nothing was saved', async () => {
    const dir = tempDir();
    const { ctx, log } = setup();
    const done = start(ctx, undefined, { cwd: dir });
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
    expect(log.join('\n')).toContain('nothing was saved yet');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('respondent details can be edited from the section menu; a new industry type changes the questions', async () => {
    const dir = tempDir();
    const { ctx } = setup();
    const done = start(ctx, undefined, { cwd: dir });
    await startNew('Edit Me');
    const file = only(dir);
    await choose('☰ sections');
    await choose('edit respondent details');
    await typeEnter('2026-12-01'); // a new date: the file keeps its name
    expect(activeLine()).toContain('(discrete)'); // the current value is the default
    await choose('(process)');
    expect(screen.getScreen()).toContain('(Edit Me)');
    await typeEnter('Edited Co');
    for (let i = 0; i < 5; i++) await enter(); // site … interviewees kept
    await choose('no');
    expect(read(file).respondent).toMatchObject({ company: 'Edited Co', industry: 'process', date: '2026-12-01' });
    expect(path.basename(file)).toMatch(/^Edit-Me-/); // the file keeps its name
    expect(screen.getScreen()).toContain('How digital is product design?'); // back where we were
    await choose('☰ sections');
    await choose('Production');
    await typeEnter('5');
    expect(screen.getScreen()).toContain('Key processes under automatic control');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });
});

describe('assess: moving around', () => {
  async function newAt(dir: string, opts: Record<string, unknown> = {}, lang: 'en' | 'zh' = 'en') {
    const env = setup(opts, lang);
    const done = start(env.ctx, undefined, { cwd: dir });
    return { ...env, done };
  }

  it('back, unknown, n/a, notes (internal too), help and conditional questions', async () => {
    const dir = tempDir();
    const { done, log } = await newAt(dir);
    await startNew('Back & Forth');
    const file = only(dir);
    // back from the very first question is refused politely
    await choose('← back');
    expect(screen.getScreen()).toContain('This is the first question.');
    expect(screen.getScreen()).toContain('How digital is product design?');
    // n/a where allowed
    await choose('n/a');
    expect(read(file).answers?.design_level).toBe('n/a');
    // unknown
    await choose('unknown');
    expect(read(file).answers?.bom_control).toBe('unknown');
    // back from the multiple choice: tick the command and press Enter
    await tick(['← back']);
    expect(screen.getScreen()).toContain('BOM and changes are controlled');
    expect(screen.getScreen()).toContain('Current answer: unknown');
    expect(read(file).progress?.cursor).toBe('bom_control');
    await choose('Fully met');
    expect(read(file).answers?.bom_control).toBe('full');
    // help on request
    await tick(['? help']);
    expect(screen.getScreen()).toContain('Help: Choose all that apply.');
    await tick(['2D CAD']);
    // a note from a typed prompt, client-visible
    await typeEnter(':note');
    // the question named by its text, not its id; the audience as the report's readers (a company may assess itself)
    expect(screen.getScreen()).toContain('Evidence note for “Design staff”');
    expect(screen.getScreen()).not.toContain('designers_total');
    await typeEnter('HR list of 2026-11');
    expect(read(file).notes?.designers_total).toBe('HR list of 2026-11'); // saved before the next prompt
    expect(screen.getScreen()).toContain('may appear in the report (its readers see it)');
    expect(screen.getScreen()).not.toContain('client');
    await choose('may appear in the report');
    expect(screen.getScreen()).toContain('✎ Note saved');
    expect(screen.getScreen()).toContain('✎ note: HR list of 2026-11');
    await typeEnter('4');
    await typeEnter(':unknown');
    expect(read(file).answers?.designers_digital).toBe('unknown');
    // the cross-field check, refused at the prompt with the reason
    await typeEnter('3');
    screen.type('4');
    screen.keypress('enter');
    await screen.next();
    expect(flatScreen()).toContain('CNC key processes cannot exceed all key processes ("CNC-controlled key processes": 4; "Key processes": 3)');
    expect(read(file).answers?.key_processes_cnc).toBeUndefined();
    screen.keypress('backspace');
    await typeEnter('2');
    // conditional questions appear…
    await choose('yes (是)');
    expect(screen.getScreen()).toContain('Which MES modules are live?');
    expect(screen.getScreen()).toContain('question 4 of 9');
    // an internal note from the checkbox list
    await tick(['✎ add note']);
    await typeEnter('Work orders only on line 1; paper elsewhere');
    await choose('internal');
    expect(read(file).notes?.mes_modules).toEqual({ text: 'Work orders only on line 1; paper elsewhere', internal: true });
    expect(screen.getScreen()).toContain('✎ Internal note saved');
    // …and disappear when the answer changes
    await tick(['← back']);
    expect(screen.getScreen()).toContain('Is an MES in use?');
    await choose('no (否)');
    expect(screen.getScreen()).toContain('Robots at key work stations');
    expect(screen.getScreen()).toContain('question 4 of 7');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
    const said = log.join('\n');
    expect(said).toContain(`Everything entered so far is saved in`);
    expect(said).toContain(`To continue: zhizao assess ${file} --questionnaire ${MINI}`);
    const saved = read(file);
    expect(saved.answers).toMatchObject({ design_level: 'n/a', bom_control: 'full', design_tools: ['cad2d'], designers_total: 4, designers_digital: 'unknown', key_processes_total: 3, key_processes_cnc: 2, has_mes: false });
    expect(saved.progress?.cursor).toBe('cnc_robots');
    // the transcript never shows a command as if it were an answer
    const transcript = await screen.getFullOutput();
    // …nor a note added with the command (its prompts were answered above: the header says it was saved)
    expect(transcript).not.toContain('Who may read this note?');
    expect(transcript).not.toMatch(/^✔ Note /m);
    expect(transcript).not.toMatch(/^✔ .*(← back|:note|:unknown|:menu|\? help|☰ sections|✎ add note|↷ skip)/m);
  });

  it('the section menu shows answered/visible per section and jumps; the review lists unanswered questions', async () => {
    const dir = tempDir();
    const { done, log } = await newAt(dir);
    await startNew('Menu Test');
    const file = only(dir);
    await choose('PDM');
    await choose('☰ sections');
    let s = screen.getScreen();
    expect(s).toMatch(/Design\s+1\/5/);
    expect(s).toMatch(/Production\s+0\/7/);
    await choose('Production');
    expect(screen.getScreen()).toContain('[Production] question 1 of 7');
    expect(read(file).progress?.cursor).toBe('key_processes_total');
    await typeEnter('8');
    await typeEnter(':menu');
    await choose('review unanswered');
    s = screen.getScreen();
    expect(s).toContain('Review: 10 of 12 questions unanswered');
    expect(s).toContain('[Design] BOM and changes are controlled in a system');
    expect(s).toContain('[Production] CNC-controlled key processes');
    expect(s).not.toContain('Key processes\n');
    // answer them now: only the unanswered ones are asked
    await choose('answer the unanswered questions now');
    expect(screen.getScreen()).toContain('BOM and changes are controlled in a system');
    await choose('Not met');
    expect(screen.getScreen()).toContain('Which design tools are used?');
    await tick(['↷ skip']);
    await typeEnter(''); // skip designers_total
    await typeEnter(''); // skip designers_digital
    expect(screen.getScreen()).toContain('CNC-controlled key processes'); // key_processes_total answered: not asked again
    // jump to one question from the review
    await typeEnter(':menu');
    await choose('review unanswered');
    await choose('Main bottleneck');
    await typeEnter('Manual scheduling');
    expect(read(file).answers?.main_bottleneck).toBe('Manual scheduling');
    // in the review, the next question is the next unanswered one
    expect(screen.getScreen()).toContain('Production mode');
    await choose('☰ sections');
    moveTo('save and exit');
    screen.keypress('enter'); // the last prompt: nothing follows
    expect(await done).toBe(0);
    expect(log.join('\n')).toContain(`To continue: zhizao assess ${file}`);
    expect(read(file).progress?.cursor).toBe('production_mode');
  });

  it('--sections limits the interview to those sections and stores them', async () => {
    const dir = tempDir();
    const { done } = await newAt(dir, { sections: 'production' }, 'zh');
    await screen.next();
    await enter(); // today
    await choose('(process)');
    await typeEnter('流程化工有限公司');
    const file = only(dir);
    expect(path.basename(file)).toMatch(/^流程化工有限公司-\d{4}-\d{2}-\d{2}\.zhizao\.yaml$/);
    expect(read(file).progress?.sections).toEqual(['production']);
    for (let i = 0; i < 5; i++) await enter(); // site … interviewees
    await choose('否');
    let s = screen.getScreen();
    expect(s).toContain('【生产制造】 第 1/7 题 · 总进度 已答 0/7');
    await typeEnter('10');
    s = screen.getScreen();
    expect(s).toContain('自动控制的关键工序数'); // the process-industry variant
    await typeEnter('20');
    expect(screen.getScreen()).toContain('数控化关键工序数不能超过关键工序总数');
    for (let i = 0; i < 2; i++) screen.keypress('backspace');
    await typeEnter('6');
    await choose('否');
    expect(screen.getScreen()).toContain('关键装置 DCS 控制'); // tailored to process plants
    await choose('☰');
    s = screen.getScreen();
    expect(s).toContain('生产制造');
    expect(s).not.toContain('研发设计');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
    expect(read(file).answers).toEqual({ key_processes_total: 10, key_processes_cnc: 6, has_mes: false });
  });
});

describe('assess: resuming', () => {
  function writeDraft(dir: string, data: AnswerFile) {
    const file = path.join(dir, 'plant.zhizao.yaml');
    writeFileSync(file, JSON.stringify(data));
    return file;
  }

  it('resumes at the saved cursor (not the first unanswered question) and says so', async () => {
    const dir = tempDir();
    const file = writeDraft(dir, {
      questionnaire: 'mini',
      version: '2',
      respondent: { company: 'Resume Co', industry: 'discrete' },
      answers: { design_level: 'pdm', key_processes_total: 12 },
      progress: { cursor: 'key_processes_cnc' },
    });
    const { ctx, log } = setup();
    const done = start(ctx, file);
    await screen.next();
    expect(log.join('\n')).toContain('plant.zhizao.yaml where you left off: Production 2/7 (2/12 answered)');
    expect(screen.getScreen()).toContain('CNC-controlled key processes');
    await typeEnter('13');
    expect(screen.getScreen()).toContain('cannot exceed all key processes');
    screen.keypress('backspace');
    screen.keypress('backspace');
    await typeEnter('6');
    expect(read(file).answers?.key_processes_cnc).toBe(6);
    expect(read(file).progress?.cursor).toBe('has_mes');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });

  it('a file without a saved place starts at its first unanswered question; a blank template at the respondent details', async () => {
    const dir = tempDir();
    const file = writeDraft(dir, { questionnaire: 'mini', respondent: { company: 'Co', industry: 'discrete' }, answers: { design_level: 1 } });
    const a = setup();
    const done = start(a.ctx, file);
    await screen.next();
    expect(a.log.join('\n')).toContain('at the first unanswered question: Design 2/5 (1/12 answered)');
    expect(screen.getScreen()).toContain('BOM and changes');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });

    const blank = path.join(dir, 'blank.zhizao.yaml');
    writeFileSync(blank, 'questionnaire: mini\nrespondent:\n  company: ""   # company name\n  industry: discrete\nanswers:\n  design_level:\n');
    const b = setup();
    const done2 = start(b.ctx, blank);
    await screen.next();
    expect(b.log.join('\n')).toContain('respondent details first');
    expect(screen.getScreen()).toContain('Date of the assessment');
    await enter();
    expect(screen.getScreen()).toContain('Industry type');
    await choose('(process)');
    await typeEnter('Template Co');
    expect(read(blank).respondent).toMatchObject({ company: 'Template Co', industry: 'process' });
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done2).rejects.toMatchObject({ code: 130 });
  });

  it('shows hostile text from a file without raw escape sequences, and keeps it unless changed', async () => {
    const dir = tempDir();
    const evil = 'x\u001b]0;pwned\u0007\u001b[2J\u202eevil';
    const file = writeDraft(dir, {
      questionnaire: 'mini',
      respondent: { company: evil, industry: 'discrete' },
      answers: { main_bottleneck: evil },
      notes: { main_bottleneck: { text: evil, internal: true } },
      progress: { cursor: 'main_bottleneck' },
    });
    const { ctx, log } = setup();
    const done = start(ctx, file);
    await screen.next();
    const raw = screen.getScreen({ raw: true });
    expect(screen.getScreen()).toContain('Current answer: x\\x1b]0;pwned\\x07\\x1b[2Jevil');
    for (const bad of ['\u001b[2J', '\u001b]0;', '\u0007', '\u202e']) expect(raw).not.toContain(bad);
    for (const bad of ['\u001b[2J', '\u202e']) expect(log.join('\n')).not.toContain(bad);
    await enter(); // Enter alone keeps the stored answer
    expect(read(file).answers?.main_bottleneck).toBe(evil);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });

  it('keeps a JSON answer file JSON', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plant.json');
    writeFileSync(file, JSON.stringify({ questionnaire: 'mini', respondent: { company: 'J', industry: 'discrete' }, answers: { design_level: 2 } }));
    const { ctx } = setup();
    const done = start(ctx, file);
    await screen.next();
    expect(screen.getScreen()).toContain('BOM and changes');
    await choose('Fully met');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as AnswerFile;
    expect(saved.answers).toEqual({ design_level: 2, bom_control: 'full' });
    expect(saved.progress?.cursor).toBe('design_tools');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });

  it('--sections on resume replaces the saved sections; a saved respondent step is resumed', async () => {
    const dir = tempDir();
    const file = writeDraft(dir, {
      questionnaire: 'mini',
      respondent: { company: 'Half Done', industry: 'mixed' },
      answers: {},
      progress: { cursor: '@respondent.assessor', sections: ['production'] },
    });
    const { ctx, log } = setup({ sections: 'design' });
    const done = start(ctx, file);
    await screen.next();
    expect(log.join('\n')).toMatch(/Resuming .*plant\.zhizao\.yaml: respondent details \(Assessor\); sections: Design \(design\)/);
    expect(screen.getScreen()).toContain('Assessor');
    expect(read(file).progress?.sections).toEqual(['design']);
    await typeEnter('Zhang');
    expect(read(file).respondent.assessor).toBe('Zhang');
    await enter(); // interviewees
    await choose('no');
    expect(screen.getScreen()).toContain('[Design] question 1 of 5');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });

  it('refuses to resume a file with errors, and unknown --sections', async () => {
    const dir = tempDir();
    const bad = writeDraft(dir, { questionnaire: 'mini', respondent: { company: 'x', industry: 'discrete' }, answers: { designers_total: 'lots' } });
    const a = setup();
    await expect(assess(a.ctx, bad, { isTTY: true })).rejects.toMatchObject({ name: 'Error' });
    expect(a.log.join('\n')).toContain('Cannot resume');
    const b = setup({ sections: 'design,it' });
    await expect(assess(b.ctx, undefined, { isTTY: true, cwd: dir })).rejects.toThrow(/unknown section it; known: design, production/);
    const c = setup();
    await expect(assess(c.ctx, undefined, { isTTY: false, cwd: dir })).rejects.toThrow(/zhizao template .* zhizao validate/);
    expect(existsSync(path.join(dir, 'plant.zhizao.yaml'))).toBe(true);
  });
});

describe('the session when the disk refuses a write', () => {
  async function failing(times: number) {
    const dir = tempDir();
    const file = path.join(dir, 'plant.zhizao.yaml');
    const data: AnswerFile = { questionnaire: 'mini', respondent: { company: 'Disk Co', industry: 'discrete' }, answers: {}, progress: { cursor: 'design_level' } };
    writeFileSync(file, JSON.stringify(data));
    const q = await new Definitions().questionnaire(MINI);
    const log: string[] = [];
    let left = times;
    const done = runSession({
      q,
      lang: 'en',
      chalk: new Chalk({ level: 0 }),
      prompter: inquirerPrompter('en', new Chalk({ level: 0 }), { output: { write: () => true } }),
      target: { file, data },
      dir,
      say: (l) => log.push(l),
      write: async (f, t, o) => {
        if (left-- > 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        await writeFileAtomic(f, t, o);
      },
    });
    await screen.next();
    await choose('PDM');
    expect(screen.getScreen().replace(/\s+/g, ' ')).toContain('Could not save plant.zhizao.yaml (ENOSPC: no space left on device). The last entry is NOT saved yet.'.replace('plant.zhizao.yaml', file));
    return { done, file, log };
  }

  it('offers to retry, and goes on once the answer is saved', async () => {
    const { done, file } = await failing(1);
    await choose('try to save again');
    expect(read(file).answers).toEqual({ design_level: 'pdm' });
    expect(screen.getScreen()).toContain('BOM and changes');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });

  it('quitting says what is not saved and exits 1', async () => {
    const { done, file, log } = await failing(99);
    moveTo('quit');
    screen.keypress('enter');
    await expect(done).rejects.toMatchObject({ code: 1 });
    expect(log.join('\n')).toContain('Not saved: ENOSPC');
    expect(log.join('\n')).toContain(`To continue: zhizao assess ${file}`);
    expect(read(file).answers).toEqual({});
  });
});

describe('assess: express and full interviews, levels, digits, evidence, percentages', () => {
  const flat = () => screen.getScreen().replace(/\s+/g, ' ');

  it('express (the default for a new file) asks the express questions; a digit picks the option at that position; 0.8 for a percentage asks which was meant', async () => {
    const dir = tempDir();
    const { ctx, log } = setup({ questionnaire: MODES });
    const done = start(ctx, undefined, { cwd: dir });
    await startNew('Express Co');
    const file = only(dir);
    expect(log.join('\n')).toContain('Express interview: level self-ratings and key facts, about an hour (9 questions to begin with: answers add follow-ups or skip what does not apply)');
    expect(screen.getScreen()).toContain('[Design] question 1 of 4 · overall 0/9 answered');
    screen.type('3'); // no numbers shown: the third option
    expect(activeLine()).toContain('PDM');
    await enter();
    expect(read(file).answers?.design_level).toBe('pdm');
    expect(screen.getScreen()).toContain('Which design tools are used?'); // bom_control is a full-interview question
    await tick(['3D CAD']);
    await typeEnter('10');
    await typeEnter('7');
    await typeEnter('12');
    await typeEnter('5');
    await choose('no (否)');
    expect(screen.getScreen()).toContain('Defect rate');
    await typeEnter('0.8');
    expect(screen.getScreen()).toContain('You typed 0.8: did you mean 0.8% or 80%?');
    expect(read(file).answers?.defect_rate).toBeUndefined(); // nothing stored until it is clear
    await choose('0.8%');
    expect(read(file).answers?.defect_rate).toBeCloseTo(0.008, 10);
    await choose('Make to order');
    expect(screen.getScreen()).toContain('Review: all 9 questions answered');
    const saved = read(file);
    expect(saved.progress?.mode).toBe('express');
    expect(Object.keys(saved.answers ?? {}).sort()).toEqual(['design_level', 'design_tools', 'designers_digital', 'designers_total', 'defect_rate', 'has_mes', 'key_processes_cnc', 'key_processes_total', 'production_mode'].sort());
    moveTo('save and exit');
    screen.keypress('enter');
    expect(await done).toBe(0);

    // the same file resumed as a full interview: the requirement questions, with evidence per answer
    const full = setup({ questionnaire: MODES, mode: 'full' });
    const again = start(full.ctx, file);
    await screen.next();
    expect(full.log.join('\n')).toContain('Express-Co-'); // by the assessment date
    expect(full.log.join('\n')).toContain('9/12 answered, at the review · full interview');
    expect(read(file).progress?.mode).toBe('full');
    expect(screen.getScreen()).toContain('Review: 3 of 12 questions unanswered');
    await choose('answer the unanswered questions now');
    expect(screen.getScreen()).toContain('BOM and changes are controlled in a system');
    await choose('📎 evidence');
    expect(screen.getScreen()).toContain('Evidence for “BOM and changes are controlled in a system”');
    for (const t of ['document or record', 'system demonstration', 'site observation', 'interview']) expect(screen.getScreen()).toContain(t);
    await choose('document or record');
    expect(read(file).evidence).toEqual({ bom_control: { type: 'document' } });
    expect(screen.getScreen()).toContain('Reference: file, photo or document number (optional)');
    await typeEnter('BOM-export-2026-11.xlsx');
    expect(read(file).evidence).toEqual({ bom_control: { type: 'document', ref: 'BOM-export-2026-11.xlsx' } });
    expect(screen.getScreen()).toContain('Evidence note for “BOM and changes are controlled in a system”');
    await typeEnter('BOM and ECNs released in PDM since 2025');
    await choose('may appear in the report');
    let s = flat();
    expect(s).toContain('📎 Evidence saved: document or record · BOM-export-2026-11.xlsx');
    expect(s).toContain('📎 evidence: document or record · BOM-export-2026-11.xlsx');
    expect(s).toContain('✎ note: BOM and ECNs released in PDM since 2025');
    expect(s).toContain('📎 evidence (recorded)');
    await choose('Fully met');
    expect(read(file).answers?.bom_control).toBe('full');
    expect(read(file).notes?.bom_control).toBe('BOM and ECNs released in PDM since 2025');
    expect(screen.getScreen()).toContain('Robots at key work stations');
    await choose('Partly met');
    // :evidence from a typed question too
    s = flat();
    expect(s).toContain('Main bottleneck');
    await typeEnter(':evidence');
    await choose('interview');
    await typeEnter('');
    await typeEnter(''); // no note
    expect(read(file).evidence?.main_bottleneck).toEqual({ type: 'interview' });
    screen.keypress({ name: 'c', ctrl: true });
    await expect(again).rejects.toMatchObject({ code: 130 });
    expect(zhizaoValid(file)).toBe(true);
  });

  it('--show-levels shows levels and a digit picks the level typed; level 5 needs a note; 1 for a percentage asks 1% or 100%', async () => {
    const dir = tempDir();
    const { ctx } = setup({ questionnaire: MODES, mode: 'full', showLevels: true });
    const done = start(ctx, undefined, { cwd: dir });
    await startNew('Levels Co');
    const file = only(dir);
    expect(screen.getScreen()).toContain('[Design] question 1 of 5 · overall 0/12 answered');
    for (const label of ['0 · Manual', '1 · 2D CAD', '2 · PDM', '3 · Collaboration', '4 · Simulation', '5 · Chain']) expect(screen.getScreen()).toContain(label);
    screen.type('3');
    expect(activeLine()).toContain('3 · Collaboration');
    screen.type('5');
    expect(activeLine()).toContain('5 · Chain');
    await enter();
    expect(flat()).toContain('Level 5 is a self-rating: note what shows it');
    await enter(); // empty: refused
    expect(screen.getScreen()).toContain('a note is required for level 5');
    await typeEnter('-'); // choose another level instead
    expect(read(file).answers?.design_level).toBeUndefined();
    expect(screen.getScreen()).toContain('How digital is product design?');
    screen.type('5');
    await enter();
    await typeEnter('Shared design portal with two OEM customers, seen on site');
    await choose('may appear in the report');
    expect(read(file).answers?.design_level).toBe('chain');
    expect(read(file).notes?.design_level).toBe('Shared design portal with two OEM customers, seen on site');
    await choose('☰ sections');
    await choose('Production');
    for (let i = 0; i < 2; i++) await typeEnter(String(10 - i * 5)); // key processes 10, CNC 5
    await choose('no (否)');
    await choose('Partly met'); // robots
    await typeEnter('1');
    expect(screen.getScreen()).toContain('did you mean 1% or 100%?');
    await choose('100%');
    expect(read(file).answers?.defect_rate).toBe(1);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });

  /** Answer the express questions of mini-modes up to the defect rate. */
  async function toDefectRate(company: string) {
    await startNew(company);
    screen.type('3');
    await enter();
    await tick(['3D CAD']);
    for (const n of ['10', '7', '12', '5']) await typeEnter(n);
    await choose('no (否)');
    expect(screen.getScreen()).toContain('Defect rate');
  }
  const defectLines = (out: string[]) => out.join('').split('\n').filter((l) => l.includes('Defect rate'));

  it('a bare 0.8 for a percentage leaves no record line until the user has chosen, then one with the value chosen; without a plausible range nothing is highlighted and Enter alone saves nothing; Ctrl-C there leaves no line and no answer', async () => {
    const dir = tempDir();
    const { ctx, out } = setup({ questionnaire: MODES });
    const done = start(ctx, undefined, { cwd: dir });
    await toDefectRate('Percent Co');
    const file = only(dir);
    await typeEnter('0.8');
    expect(screen.getScreen()).toContain('You typed 0.8: did you mean 0.8% or 80%?');
    // the question stays on the screen, where it was, above what is asked about its answer
    const lines = screen.getScreen().split('\n');
    const asked = lines.findIndex((l) => l.includes('You typed 0.8'));
    expect(lines.slice(0, asked).join('\n')).toMatch(/\[Production\] question 4 of 5 · overall 7\/9 answered\n\? Defect rate$/);
    expect(lines[asked]).toBe('  You typed 0.8: did you mean 0.8% or 80%?');
    expect(activeLine()).toBe(''); // no reading offered as the default
    expect(defectLines(out)).toEqual([]); // no value shown before the choice
    screen.keypress('enter'); // chooses nothing: the prompt stays (re-rendered at once, with the hint)
    expect(flat()).toContain('Choose one with ↑↓ (or 1, 2), then Enter: nothing is saved until you do');
    expect(read(file).answers?.defect_rate).toBeUndefined();
    expect(defectLines(out)).toEqual([]);
    await choose('80%');
    expect(read(file).answers?.defect_rate).toBe(0.8);
    expect(defectLines(out)).toEqual(['✔ Defect rate · 80%']); // exactly one line, the value chosen
    // back to it, a new bare number, Ctrl-C at the question which was meant: no line, the old answer kept
    expect(screen.getScreen()).toContain('Production mode');
    await choose('← back');
    await typeEnter('0.5');
    expect(screen.getScreen()).toContain('did you mean 0.5% or 50%?');
    screen.keypress('down');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
    expect(defectLines(out)).toEqual(['✔ Defect rate · 80%']);
    expect(read(file).answers?.defect_rate).toBe(0.8);
  });

  it('a bare number for a percentage with a plausible range: the reading inside the range is highlighted (0.8 for a defect rate of at most 30 % is 0.8 %)', async () => {
    const dir = tempDir();
    const modes = path.join(dir, 'modes-plausible.yaml');
    const text = readFileSync(MODES, 'utf8');
    const withRange = text.replace('      - id: defect_rate\n        type: percent\n', '      - id: defect_rate\n        type: percent\n        plausible: {max: 0.3}\n');
    expect(withRange).not.toBe(text);
    writeFileSync(modes, withRange);
    const { ctx, out } = setup({ questionnaire: modes });
    const done = start(ctx, undefined, { cwd: dir });
    await toDefectRate('Range Co');
    const file = only(dir);
    await typeEnter('0.8');
    expect(activeLine()).toContain('0.8%');
    await enter();
    expect(read(file).answers?.defect_rate).toBeCloseTo(0.008, 10);
    expect(defectLines(out)).toEqual(['✔ Defect rate · 0.8%']);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });

  it('on resume the whole note is shown: a merge conflict keeps every candidate value, client and internal parts apart', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'merged.zhizao.yaml');
    const conflict = '合并冲突，未采用任何答案 / merge conflict, left unanswered — design.yaml: mts; production.yaml: mto; it.yaml: mts (sales plan 2027 says make to order for the new line)';
    writeFileSync(
      file,
      JSON.stringify({
        questionnaire: 'mini',
        respondent: { company: 'Merged Co', industry: 'discrete' },
        answers: {},
        notes: { production_mode: { text: '[design.yaml] orders come from two OEMs', internal_text: `[it.yaml] ERP contract unsigned\n${conflict}` } },
        progress: { cursor: 'production_mode' },
      }),
    );
    const { ctx } = setup();
    const done = start(ctx, file);
    await screen.next();
    const s = flat();
    expect(s).toContain('✎ note: [design.yaml] orders come from two OEMs');
    expect(s).toContain('✎ internal note: [it.yaml] ERP contract unsigned');
    expect(s).toContain('it.yaml: mts (sales plan 2027 says make to order for the new line)');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });
});

describe('assess: a self-assessment and a consultant', () => {
  /** The respondent steps of a new interview up to the assessor (site, sector, region left empty unless given). */
  async function toAssessor(company: string, sector = '') {
    await screen.next();
    await enter(); // today
    await choose('(discrete)');
    await typeEnter(company);
    await enter(); // site
    await typeEnter(sector);
    await enter(); // region
    expect(screen.getScreen()).toContain('Assessor');
  }

  it('the assessor prompt says that naming none makes it a self-assessment; a self-assessment sees no question ids', async () => {
    const dir = tempDir();
    const { ctx, log } = setup();
    const done = start(ctx, undefined, { cwd: dir });
    await toAssessor('Self Co');
    const file = only(dir);
    const s = flatScreen();
    expect(s).toContain("Assessor (the diagnosis provider's consultant; for a self-assessment press Enter to leave it empty)");
    // the prompt says what Enter does: the hint of the other optional fields would say it a second time
    expect(s).not.toContain('optional: Enter skips/keeps');
    await enter();
    expect(read(file).respondent.assessor).toBeUndefined();
    // the record line says what the empty field means
    expect((await screen.getFullOutput()).replace(/\s+/g, ' ')).toContain('for a self-assessment press Enter to leave it empty) none (a self-assessment)');
    await enter(); // interviewees
    await choose('no');
    // the place of the question, without its id
    expect(screen.getScreen()).toContain('[Design] question 1 of 5 · overall 0/12 answered');
    expect(screen.getScreen()).not.toContain('design_level');
    await choose('☰ sections');
    await choose('review unanswered');
    moveTo('[Design] BOM and changes');
    expect(screen.getScreen()).not.toContain('bom_control'); // no id under the highlighted entry either
    await choose('[Design] BOM and changes');
    expect(screen.getScreen()).toContain('[Design] question 2 of 5 · overall 0/12 answered');
    expect(screen.getScreen()).not.toContain('bom_control');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
    expect(log.join('\n')).not.toContain('⚠');
  });

  it('a consultant (an assessor named) sees the question ids; the named assessor is cleared with -, and the ids go with it', async () => {
    const dir = tempDir();
    const { ctx } = setup();
    const done = start(ctx, undefined, { cwd: dir });
    await toAssessor('Consultancy Client Co');
    const file = only(dir);
    await typeEnter('Wang (Example Consulting)');
    expect(read(file).respondent.assessor).toBe('Wang (Example Consulting)');
    await enter(); // interviewees
    await choose('no');
    expect(screen.getScreen()).toContain('[Design] question 1 of 5 · overall 0/12 answered · design_level');
    await choose('PDM');
    expect(screen.getScreen()).toContain('· bom_control');
    await choose('☰ sections');
    await choose('review unanswered');
    moveTo('[Design] BOM and changes');
    expect(screen.getScreen()).toMatch(/^bom_control$/m); // the id under the highlighted entry
    await choose('[Design] BOM and changes');
    await choose('☰ sections');
    await choose('edit respondent details');
    for (let i = 0; i < 6; i++) await enter(); // date … region kept
    const s = flatScreen();
    // a name is stored: Enter keeps it, - clears it (the wording of the empty field would be wrong here)
    expect(s).toContain("Assessor (the diagnosis provider's consultant; for a self-assessment type - to clear it) (Wang (Example Consulting))");
    expect(s).toContain('optional: Enter keeps it');
    expect(s).not.toContain('press Enter to leave it empty');
    await typeEnter('-');
    expect(read(file).respondent.assessor).toBeUndefined();
    expect((await screen.getFullOutput()).replace(/\s+/g, ' ')).toContain('type - to clear it) none (a self-assessment)');
    await enter(); // interviewees
    await choose('no');
    expect(screen.getScreen()).toContain('[Design] question 2 of 5 · overall 1/12 answered');
    expect(screen.getScreen()).not.toContain('bom_control');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });

  it('a sector written in words is kept and warned about under its record line, with the code its words name', async () => {
    const dir = tempDir();
    const { ctx, log } = setup({ questionnaire: undefined }, 'zh');
    const done = start(ctx, undefined, { cwd: dir });
    await screen.next();
    await enter(); // today
    await choose('(discrete)');
    await typeEnter('郑州宏达汽车零部件有限公司');
    const file = only(dir);
    await enter(); // site
    const before = log.length;
    await typeEnter('汽车零部件加工');
    expect(read(file).respondent.sector).toBe('汽车零部件加工'); // kept: the user goes on
    expect(log.slice(before)).toEqual([
      '  ⚠ 行业门类“汽车零部件加工”不是国民经济行业分类（GB/T 4754）代码：报告将按通用行业给出方案，不含行业专用项目。如属汽车零部件及配件制造，请改填 C3670',
      '    已按所填保存。要改填代码：答题时输入 :menu（或选“☰ 章节菜单”），再选“修改基本信息”',
    ]);
    expect(screen.getScreen()).toContain('地区'); // the next field
    // written as the code it suggested, from the section menu: nothing more to say
    for (let i = 0; i < 3; i++) await enter(); // region, assessor, interviewees
    await choose('否');
    await tick(['☰ 章节菜单']);
    await choose('修改基本信息');
    for (let i = 0; i < 4; i++) await enter(); // date … site kept
    const after = log.length;
    screen.keypress('tab'); // the stored words onto the line, to be replaced
    for (let i = 0; i < 7; i++) screen.keypress('backspace');
    await typeEnter('C3670');
    expect(read(file).respondent.sector).toBe('C3670');
    expect(log.slice(after)).toEqual([]);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });
});

describe('assess: the unit of a figure', () => {
  it('a question with other units asks the unit after the figure (its own first), stores one other than its own in kpis.units and shows it; its own clears it; Ctrl-C there stores nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plant.zhizao.yaml');
    writeFileSync(file, JSON.stringify({ questionnaire: 'smart-manufacturing', respondent: { company: 'Unit Co', industry: 'process', date: '2026-12-07' }, answers: {}, kpis: { period: '2025' }, progress: { cursor: 'kpi_operating_cost', mode: 'express' } }));
    const { ctx, out } = setup({ questionnaire: undefined });
    const done = start(ctx, file);
    await screen.next();
    const costLines = () => out.join('').split('\n').filter((l) => l.includes('operating cost'));
    expect(flatScreen()).toContain('≥ 0, CNY per unit (another unit can be chosen after the figure)');
    await typeEnter('1200');
    // asked under the question, its own unit first and highlighted; no record line and nothing stored yet
    let lines = screen.getScreen().split('\n');
    const asked = lines.findIndex((l) => l.includes('Which unit is 1200 in?'));
    expect(lines[asked - 1]).toBe('? What is the operating cost per unit of output?');
    expect(lines.slice(asked + 1, asked + 4)).toEqual(['❯ CNY per unit', '  CNY per tonne', '  % of revenue']);
    expect(read(file).answers?.kpi_operating_cost).toBeUndefined();
    expect(costLines()).toEqual([]);
    await choose('CNY per tonne');
    expect(read(file).answers?.kpi_operating_cost).toBe(1200);
    expect(read(file).kpis).toEqual({ period: '2025', units: { kpi_operating_cost: '元/吨' } });
    expect(costLines()).toEqual(['✔ What is the operating cost per unit of output? · 1200 CNY per tonne']);
    // back at it: the answer and the hint in the unit chosen, which is highlighted when a new figure is typed
    await typeEnter(':back');
    expect(flatScreen()).toContain('Current answer: 1200 CNY per tonne');
    expect(flatScreen()).toContain('≥ 0, CNY per tonne (another unit can be chosen after the figure)');
    await typeEnter('85');
    expect(activeLine()).toBe('❯ CNY per tonne');
    await choose('% of revenue');
    expect(read(file).kpis?.units).toEqual({ kpi_operating_cost: '%（占营业收入）' }); // (read back as YAML: quoted as it must be)
    expect(readFileSync(file, 'utf8')).toContain('kpi_operating_cost: "%（占营业收入）"');
    // the question's own unit: nothing stated any more (the period stays)
    await typeEnter(':back');
    await typeEnter('900');
    expect(activeLine()).toBe('❯ % of revenue');
    await choose('CNY per unit');
    expect(read(file).answers?.kpi_operating_cost).toBe(900);
    expect(read(file).kpis).toEqual({ period: '2025' });
    expect(costLines().slice(2)).toEqual(['✔ What is the operating cost per unit of output? · 900 CNY per unit']);
    // Ctrl-C at the unit: no line, nothing stored
    await typeEnter(':back');
    await typeEnter('700');
    lines = screen.getScreen().split('\n');
    expect(lines.some((l) => l.includes('Which unit is 700 in?'))).toBe(true);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
    expect(read(file).answers?.kpi_operating_cost).toBe(900);
    expect(read(file).kpis).toEqual({ period: '2025' });
    expect(costLines()).toHaveLength(3);
  });
});

describe('assess: consistency warnings at the answer', () => {
  it('an answer that trips a cross-question check is accepted and saved, with the check said under its answer line in its own words', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plant.zhizao.yaml');
    // 85 CNC machines and 6 robots answered earlier; back at the digital-equipment count
    const text = readFileSync(path.join(FIXTURES, 'interview', 'self-assessment-autoparts.yaml'), 'utf8');
    writeFileSync(file, text.replace('cursor: "@review"', 'cursor: equipment_digital').replace(/\n {2}equipment_digital: 60\n/, '\n'));
    const { ctx, log, out } = setup({ questionnaire: undefined }, 'zh');
    const done = start(ctx, file);
    await screen.next();
    expect(screen.getScreen()).toContain('其中数字化设备有多少台（套）？');
    const before = log.length;
    await typeEnter('60');
    expect(read(file).answers?.equipment_digital).toBe(60); // accepted
    expect(out.join('')).toContain('✔ 其中数字化设备有多少台（套）？ · 60 台（套）');
    expect(log.slice(before)).toEqual(['  ⚠ 数控设备 85 台、工业机器人 6 台，合计多于数字化设备 60 台；数控设备和机器人都属于数字化设备。请核实三个数字的口径。']);
    // a count that fits says nothing
    await typeEnter(':back');
    const after = log.length;
    await typeEnter('100');
    expect(read(file).answers?.equipment_digital).toBe(100);
    expect(log.slice(after)).toEqual([]);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ code: 130 });
  });
});

describe('assess: the end of an interview', () => {
  it('lists the consistency warnings in their own words (no check ids, no line:column, no pointer to validate) and says the level once', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plant.zhizao.yaml');
    // the self-assessment of finding 7: 85 CNC machines and 6 robots, 60 digital machines; saved at the review
    copyFileSync(path.join(FIXTURES, 'interview', 'self-assessment-autoparts.yaml'), file);
    const { ctx, log, out } = setup({ questionnaire: undefined }, 'zh');
    const done = start(ctx, file);
    await screen.next();
    expect(screen.getScreen()).toContain('复查');
    moveTo('结束');
    screen.keypress('enter');
    expect(await done).toBe(0);
    const said = `${out.join('')}\n${log.join('\n')}`;
    expect(said).toMatch(/\d+ 处一致性提示，请核实/);
    // the sector written in words is listed with them, counted in their number, in the words it had in the interview
    const listed = said.split('\n').filter((l) => l.startsWith('  ⚠ '));
    expect(said).toContain(`${listed.length} 处一致性提示，请核实`);
    expect(listed).toContain('  ⚠ 行业门类“汽车零部件加工”不是国民经济行业分类（GB/T 4754）代码：报告将按通用行业给出方案，不含行业专用项目。如属汽车零部件及配件制造，请改填 C3670');
    expect(said).toContain('  ⚠ 数控设备 85 台、工业机器人 6 台，合计多于数字化设备 60 台；数控设备和机器人都属于数字化设备。请核实三个数字的口径。');
    expect(said).not.toContain('cnc-and-robots-vs-digital-equipment');
    expect(said).not.toContain('核对项');
    expect(said).not.toContain('validate 会逐条列出');
    expect(said.match(/成熟度等级/g)).toHaveLength(1);
  });
});

/** The file passes validation (through the use case the command runs). */
function zhizaoValid(file: string): boolean {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'zhizao.js'), 'validate', file, '--questionnaire', MODES], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return r.status === 0;
}
