/** The question → prompt mapping, rendered with the real inquirer prompts and simulated keystrokes. */
import path from 'node:path';
import { Chalk } from 'chalk';
import { render } from '@inquirer/testing';
import * as inquirer from '@inquirer/prompts';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer, formatAnswer, newAnswerFile } from '../../src/core/interview.js';
import type { Questionnaire } from '../../src/core/questionnaire.js';
import type { AnswerFile, AnswerValue, Lang, Question } from '../../src/core/types.js';
import { materialise } from '../../src/cli/interview/inquirer-prompter.js';
import { answeredLine, layout, parseTypedCommand, planQuestion, type Action, type QuestionView } from '../../src/cli/interview/prompter.js';
import pick, { entryForDigits } from '../../src/cli/interview/select-prompt.js';
import { displayWidth, shorten, wrapLine } from '../../src/cli/interview/wrap.js';
import { Definitions } from '../../src/io/definitions.js';
import { formatMessage } from '../../src/messages/catalogue.js';
import { FIXTURES } from '../helpers/cli.js';

const c = new Chalk({ level: 0 });
let q: Questionnaire;
beforeAll(async () => {
  q = await new Definitions().questionnaire(path.join(FIXTURES, 'definitions', 'mini.yaml'));
});

function view(id: string, opts: { lang?: Lang; answers?: Record<string, AnswerValue>; current?: AnswerValue; hasNote?: boolean; showLevels?: boolean; question?: Question; unit?: string } = {}): QuestionView {
  const lang = opts.lang ?? 'en';
  const question = opts.question ?? q.byId.get(id)!;
  const file: AnswerFile = { ...newAnswerFile(q, { company: 'ACME', industry: 'discrete' }), answers: opts.answers ?? {} };
  return {
    question,
    lang,
    header: ['[Test] question 1 of 1'],
    text: question.text[lang],
    ...(opts.current !== undefined ? { current: opts.current } : {}),
    hasNote: opts.hasNote ?? false,
    showLevels: opts.showLevels ?? false,
    ...(opts.unit !== undefined ? { unit: opts.unit } : {}),
    check(raw) {
      const r = checkAnswer(q, file, id, { kind: 'value', raw });
      return r.ok ? { ok: true, value: r.stored } : { ok: false, message: r.problems.map((p) => formatMessage(p.code, p.args, lang)).join('; ') };
    },
    format: (v) => formatAnswer(question, v, lang, opts.showLevels, opts.unit) ?? String(v),
  };
}

/** Render the plan of a question with the real prompt; returns the screen helpers and the action promise. */
async function ask(v: QuestionView, width = 79) {
  const plan = planQuestion(v, c, width);
  let r;
  let toAction: (x: never) => Action;
  if (plan.kind === 'pick') {
    r = await render(pick, plan.config as never);
    toAction = plan.toAction as never;
  } else if (plan.kind === 'checkbox') {
    r = await render(inquirer.checkbox, { ...plan.config, choices: materialise(plan.config.choices, inquirer) } as never);
    toAction = plan.toAction as never;
  } else {
    r = await render(inquirer.input, plan.config as never);
    toAction = plan.toAction as never;
  }
  const action = (r.answer as Promise<never>).then((x) => toAction(x));
  // A test that leaves its prompt open ends with the prompt aborted at teardown (ExitPromptError): not a failure.
  action.catch(() => undefined);
  return { ...r, kind: plan.kind, action };
}

describe('level questions: a list of neutral labels with the full description of the highlighted option', () => {
  it('shows no level numbers by default, the description, and moves with the cursor', async () => {
    const { getScreen, events, action } = await ask(view('design_level'));
    const s = getScreen();
    expect(s).toContain('[Test] question 1 of 1');
    expect(s).toContain('? How digital is product design?');
    for (const label of ['Manual', '2D CAD', 'PDM', 'Collaboration', 'Simulation', 'Chain']) expect(s).toContain(label);
    expect(s).not.toMatch(/\d · /);
    expect(s).toContain('Drawing by hand');
    for (const cmd of ['✎ add note', '📎 evidence', '? help', '← back', '☰ sections', '↷ skip', 'unknown', 'n/a']) expect(s).toContain(cmd);
    events.keypress('down');
    expect(getScreen()).toContain('2D CAD as an aid');
    expect(getScreen()).not.toContain('Drawing by hand');
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'answer', value: 'cad2d' });
  });

  it('--show-levels shows the levels, and a digit picks the option showing that number', async () => {
    const { getScreen, events, action } = await ask(view('design_level', { showLevels: true }));
    for (const label of ['0 · Manual', '1 · 2D CAD', '2 · PDM', '3 · Collaboration', '4 · Simulation', '5 · Chain']) expect(getScreen()).toContain(label);
    events.type('3');
    expect(getScreen()).toContain('❯ 3 · Collaboration');
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'answer', value: 'collab' }); // level 3, not the third entry
    const zero = await ask(view('design_level', { showLevels: true }));
    zero.events.type('0');
    zero.events.keypress('enter');
    await expect(zero.action).resolves.toEqual({ kind: 'answer', value: 'none' });
  });

  it('without numbers shown, a digit picks the option at that position', async () => {
    const { getScreen, events, action } = await ask(view('design_level'));
    events.type('3');
    expect(getScreen()).toContain('❯ PDM');
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'answer', value: 'pdm' });
    expect(entryForDigits([{ value: 1, name: 'a' }, { separator: '-' }, { value: 2, name: 'b' }], '2')).toBe(2);
    expect(entryForDigits([{ value: 1, name: 'a', key: '0' }, { value: 2, name: 'b', key: '1' }, { value: 3, name: 'cmd' }], '1')).toBe(1);
    expect(entryForDigits([{ value: 1, name: 'a', key: '0' }, { value: 3, name: 'cmd' }], '7')).toBe(-1);
  });

  it('highlights the current answer', async () => {
    const { getScreen, events, action } = await ask(view('design_level', { current: 'sim', lang: 'zh' }));
    expect(getScreen()).toContain('❯ 仿真');
    expect(getScreen()).toContain('仿真优化');
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'answer', value: 'sim' });
  });

  it('commands are entries of the same list', async () => {
    const { events, action } = await ask(view('design_level'));
    for (let i = 0; i < 9; i++) events.keypress('down'); // 6 options, then note, evidence, help, back
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'back' });
  });

  it('a command leaves no answered line; an answer leaves one', () => {
    const v = view('design_level');
    expect(answeredLine(v, { kind: 'back' }, c)).toBeUndefined();
    expect(answeredLine(v, { kind: 'help' }, c)).toBeUndefined();
    expect(answeredLine(v, { kind: 'answer', value: 'pdm' }, c)).toBe('✔ How digital is product design? · PDM');
    expect(answeredLine(view('design_level', { showLevels: true }), { kind: 'answer', value: 'pdm' }, c)).toBe('✔ How digital is product design? · 2 · PDM');
  });

  it('long English text wraps at spaces, never inside a word', async () => {
    const long = 'Look at the design office tools, where drawings and 3D models are kept, how design BOMs and change notes are managed and reviewed, viewing everything';
    const v = { ...view('designers_total'), header: [long], text: long };
    const { getScreen } = await ask(v, 79);
    for (const line of getScreen().split('\n')) {
      expect(line.length).toBeLessThanOrEqual(80);
      expect(line).not.toMatch(/viewin$|^\s*g\b/);
    }
    for (const line of wrapLine(long, 40)) expect(long.split(' ')).toEqual(expect.arrayContaining(line.trim().split(' ')));
    expect(wrapLine('检查设计部门使用的工具、图纸和三维模型存放位置，设计物料清单和设计变更单如何管理。', 20).every((l) => !/^[，。、]/.test(l))).toBe(true);
  });
});

describe('requirement questions', () => {
  it('offers full/mostly/partial/none with bilingual labels and no n/a unless allowed', async () => {
    const zh = await ask(view('bom_control', { lang: 'zh' }));
    for (const l of ['全部满足', '大部分满足', '部分满足', '不满足', '不清楚 (unknown)']) expect(zh.getScreen()).toContain(l);
    expect(zh.getScreen()).not.toContain('不适用');
    zh.events.keypress('down');
    zh.events.keypress('down');
    zh.events.keypress('enter');
    await expect(zh.action).resolves.toEqual({ kind: 'answer', value: 'partial' });
    const en = await ask(view('bom_control'));
    for (const l of ['Fully met (全部满足)', 'Mostly met (大部分满足)', 'Partly met (部分满足)', 'Not met (不满足)']) expect(en.getScreen()).toContain(l);
    en.events.keypress('enter');
    await expect(en.action).resolves.toEqual({ kind: 'answer', value: 'full' });
  });

  it('unknown is one entry away', async () => {
    const { events, action } = await ask(view('bom_control', { current: 'unknown' }));
    events.keypress('enter'); // the current answer (unknown) is highlighted
    await expect(action).resolves.toEqual({ kind: 'unknown' });
  });
});

describe('yes/no and single choice', () => {
  it('boolean is a yes/no list', async () => {
    const { getScreen, events, action } = await ask(view('has_mes', { lang: 'zh' }));
    expect(getScreen()).toContain('❯ 是');
    events.keypress('down');
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'answer', value: false });
  });

  it('single choice lists the options', async () => {
    const { getScreen, events, action } = await ask(view('production_mode'));
    expect(getScreen()).toContain('Make to stock');
    events.keypress('down');
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'answer', value: 'mto' });
  });
});

describe('multiple choice: a checkbox that respects exclusive options', () => {
  it('refuses "none" together with another tool, then accepts a valid selection', async () => {
    const { getScreen, events, action, nextRender } = await ask(view('design_tools'));
    expect(getScreen()).toContain('"None" cannot be combined');
    events.keypress('space'); // 2D CAD
    events.keypress('down');
    events.keypress('down');
    events.keypress('space'); // None
    events.keypress('enter');
    await nextRender();
    // (the refusal names the question here, as checkAnswer words it: the line wraps after "combined with")
    expect(getScreen()).toMatch(/"None" (\x1b\[\d+m)?cannot be combined with/);
    events.keypress('space'); // untick None
    events.keypress('up');
    events.keypress('space'); // 3D CAD
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'answer', value: ['cad2d', 'cad3d'] });
  });

  it('refuses an empty selection with a hint', async () => {
    const { getScreen, events, nextRender } = await ask(view('design_tools'));
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('nothing ticked');
  });

  it('a ticked command wins and keeps the ticked options as pending', async () => {
    const { events, action } = await ask(view('design_tools', { current: ['cad3d'] }));
    events.keypress('space'); // tick 2D CAD too (3D CAD is pre-ticked)
    for (let i = 0; i < 3; i++) events.keypress('down'); // 3D CAD, None, ✎ add note
    events.keypress('space');
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'note', pending: ['cad2d', 'cad3d'] });
  });
});

describe('numbers, percentages and text: typed answers and typed commands', () => {
  it('refuses a CNC count above the total AT THE PROMPT with the reason', async () => {
    const { getScreen, events, action, nextRender } = await ask(view('key_processes_cnc', { answers: { key_processes_total: 12 } }));
    expect(getScreen().replace(/\s+/g, ' ')).toContain(':note :evidence :help :back :menu :skip :unknown');
    expect(getScreen()).not.toContain(':na');
    events.type('14');
    events.keypress('enter');
    await nextRender();
    expect(getScreen().replace(/\s+/g, ' ')).toContain('CNC key processes cannot exceed all key processes');
    // the values by their questions, not the ids
    expect(getScreen().replace(/\s+/g, ' ')).toContain('("CNC-controlled key processes": 14; "Key processes": 12)');
    expect(getScreen()).not.toContain('key_processes_cnc');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('5');
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'answer', value: 5, typed: '5' });
  });

  it('reads 50 as 50 % and stores the fraction', async () => {
    const { getScreen, events, action } = await ask(view('defect_rate'));
    expect(getScreen()).toContain('percentage: 50 or 50%');
    events.type('50');
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'answer', value: 0.5, typed: '50' });
    expect(getScreen()).toContain('Defect rate 50%');
  });

  it('typed commands', async () => {
    for (const [typed, kind] of [
      [':note', 'note'],
      [':evidence', 'evidence'],
      [':e', 'evidence'],
      [':help', 'help'],
      [':back', 'back'],
      [':menu', 'menu'],
      [':unknown', 'unknown'],
      ['unknown', 'unknown'],
      ['', 'skip'],
    ] as const) {
      const { events, action } = await ask(view('designers_total'));
      events.type(typed);
      events.keypress('enter');
      await expect(action).resolves.toEqual({ kind });
    }
  });

  it(':na only where the question allows n/a', async () => {
    const { getScreen, events, nextRender } = await ask(view('designers_total'));
    events.type(':na');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('"n/a" is not allowed');
  });

  it('the current answer is the default (Enter keeps it)', async () => {
    const { getScreen, events, action } = await ask(view('main_bottleneck', { current: 'changeovers' }));
    expect(getScreen()).toContain('(changeovers)');
    events.keypress('enter');
    await expect(action).resolves.toEqual({ kind: 'answer', value: 'changeovers', typed: 'changeovers' });
  });

  it('a figure for a question with other units: the hint says the unit is chosen next; no record line until it is', async () => {
    const own = { ...q.byId.get('designers_total')!, unit: { zh: '元/件', en: 'CNY per unit' }, unitChoices: [{ unit: { zh: '元/吨', en: 'CNY per tonne' } }] };
    const v = view('designers_total', { question: own });
    const { getScreen, events, action } = await ask(v);
    expect(getScreen().replace(/\s+/g, ' ')).toContain('whole number, ≥ 0, CNY per unit (another unit can be chosen after the figure)');
    events.type('1200');
    events.keypress('enter');
    const typed = await action;
    expect(typed).toEqual({ kind: 'answer', value: 1200, typed: '1200' });
    expect(answeredLine(v, typed, c)).toBeUndefined();
    // written once the unit is chosen (the action without what was typed), in that unit
    expect(answeredLine(view('designers_total', { question: own, unit: 'CNY per tonne' }), { kind: 'answer', value: 1200 }, c)).toBe('✔ Design staff · 1200 CNY per tonne');
    // the unit the answer is in now, in the hint
    const stated = await ask(view('designers_total', { question: own, unit: 'CNY per tonne' }));
    expect(stated.getScreen().replace(/\s+/g, ' ')).toContain('≥ 0, CNY per tonne (another unit can be chosen after the figure)');
    // a question without other units: its unit alone, and its line at once
    const plain = view('designers_total', { question: { ...own, unitChoices: undefined } });
    expect(answeredLine(plain, typed, c)).toBe('✔ Design staff · 1200 CNY per unit');
  });

  it('parses typed commands', () => {
    expect(parseTypedCommand(':note')).toBe('note');
    expect(parseTypedCommand(' ：Help ')).toBe('help');
    expect(parseTypedCommand(':na')).toBe('na');
    expect(parseTypedCommand(':n/a')).toBe('na');
    expect(parseTypedCommand('note')).toBeUndefined();
    expect(parseTypedCommand(':nonsense')).toBeUndefined();
  });
});

describe('layout and shortened texts', () => {
  it('a question of several lines: each line starts under the first, past the `? ` mark', () => {
    const { message, questionLines } = layout(['[Test] question 1 of 1'], 'Defect rate\nYou typed 0.8: did you mean 0.8% or 80%?', 79);
    expect(message).toBe('[Test] question 1 of 1\nDefect rate\n  You typed 0.8: did you mean 0.8% or 80%?');
    expect(questionLines).toBe(2);
    expect(layout(undefined, 'One line', 79)).toEqual({ message: 'One line', questionLines: 1 });
  });

  it('shorten cuts a text to its display columns with …, wide characters counting two', () => {
    expect(shorten('Design staff', 60)).toBe('Design staff');
    expect(shorten('  two\n lines ', 60)).toBe('two lines');
    const zh = '是否在用数字化工具对主要产品的设计、工艺、制造和检验进行全过程的协同和数据贯通管理？';
    const cut = shorten(zh, 20);
    expect(cut.endsWith('…')).toBe(true);
    expect(displayWidth(cut)).toBeLessThanOrEqual(20);
    expect(cut).toBe('是否在用数字化工具…');
    expect(shorten('What is the operating cost per unit of output in the last full year?', 30)).toBe('What is the operating cost pe…');
  });
});
