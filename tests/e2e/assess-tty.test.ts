/**
 * The built CLI in a real pseudo-terminal (tmux) of 80×24: answer questions (digit keys on level questions),
 * SIGKILL the process, check that every answer given before the kill is in the file, and that a second run resumes
 * at the right place; the transcript shows answers, never commands; English text is wrapped at words. Both
 * languages. Needs tmux (CI installs it in .ci/run); without it the test FAILS with a clear message.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AnswerFile } from '../../src/core/types.js';
import { BIN, FIXTURES, ROOT, tempDir, zhizao } from '../helpers/cli.js';

const MINI = path.join(FIXTURES, 'definitions', 'mini.yaml');
const UTF8_ENV = { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

function requireTmux(): void {
  const r = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      'tmux is required by the assess end-to-end test (it drives the interview in a real terminal) but was not found on PATH. ' +
        'Install it (Debian/Ubuntu: apt-get install tmux; macOS: brew install tmux); .ci/run installs it in CI.',
    );
  }
}

let counter = 0;
const sessions: Tmux[] = [];

/** One tmux server on a private socket, one session running one command. */
class Tmux {
  readonly socket = `zhizao-e2e-${process.pid}-${++counter}`;
  readonly name = `assess${counter}`;
  constructor() {
    sessions.push(this);
  }

  private tmux(args: string[]): string {
    return execFileSync('tmux', ['-u', '-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: { ...process.env, ...UTF8_ENV } });
  }

  /**
   * Run `node bin/zhizao.js ARGS` in the pane under a shell that prints `[exit N]` when node ends (tmux does not
   * always record the exit status of a pane), with remain-on-exit so that the screen can still be read.
   */
  start(args: string[], cwd: string, lang: 'zh' | 'en', size: [number, number] = [80, 24]): void {
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    // PATH as the user's shell has it (no npm folders): the printed commands are then `node …/bin/zhizao.js` or `zhizao`.
    const node = `env NO_COLOR=1 PATH=/usr/bin:/bin npm_lifecycle_event= npm_command= LANG=${lang === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8'} LC_ALL= ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
    const cmd = `${node}; echo "[exit $?]"`;
    this.tmux(['new-session', '-d', '-s', this.name, '-x', String(size[0]), '-y', String(size[1]), '-c', cwd, cmd, ';', 'set-option', '-t', this.name, 'remain-on-exit', 'on']);
  }

  /** The visible pane, wrapped lines joined (-J), with `history` lines of scrollback. */
  capture(history = 0): string {
    return this.tmux(['capture-pane', '-p', '-J', ...(history ? ['-S', String(-history)] : []), '-t', this.name]);
  }

  /** The node process: the child of the pane's shell. */
  nodePid(): number {
    const shell = Number(this.tmux(['list-panes', '-t', this.name, '-F', '#{pane_pid}']).trim());
    const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
    for (const line of table.split('\n')) {
      const [pid, ppid] = line.trim().split(/\s+/).map(Number);
      if (ppid === shell && pid) return pid;
    }
    throw new Error(`no child process of the pane shell ${shell}; the screen shows:\n${this.capture()}`);
  }

  /** The exit status printed by the pane's shell once node has ended. */
  async waitForExit(timeoutMs = 20_000): Promise<number> {
    const screen = await this.waitFor(/\[exit (\d+)\]/, timeoutMs);
    return Number(/\[exit (\d+)\]/.exec(screen)![1]);
  }

  keys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.name, ...keys]);
  }

  type(text: string): void {
    this.tmux(['send-keys', '-t', this.name, '-l', text]);
  }

  async waitFor(what: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.capture();
      if (typeof what === 'string' ? screen.includes(what) : what.test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${String(what)}; the screen shows:\n${screen}`);
  }

  /** Stop the server and remove its socket file (tmux leaves it behind). */
  killServer(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      /* already gone */
    }
    const dir = path.join(process.env.TMUX_TMPDIR || '/tmp', `tmux-${process.getuid?.() ?? 0}`);
    rmSync(path.join(dir, this.socket), { force: true });
  }
}

afterEach(() => {
  for (const s of sessions.splice(0)) s.killServer();
});

beforeAll(() => {
  requireTmux();
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'interview', 'session.js'))) throw new Error('build first: npm run build (the test runs bin/zhizao.js)');
});

const read = (file: string) => parse(readFileSync(file, 'utf8')) as AnswerFile;
const answerFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.zhizao.yaml'));

/** Send keys, then wait until the next prompt shows `next` (the interview saves before showing it). */
async function step(t: Tmux, send: () => void, next: string | RegExp) {
  send();
  return t.waitFor(next);
}

/** SIGKILL the node process: no handler runs, nothing gets a chance to save. */
function killHard(t: Tmux): void {
  process.kill(t.nodePid(), 'SIGKILL');
}

/** Text with every run of white space (line ends too) made one space. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const COMMAND_ANSWER = /^✔ .*(← back|← 上一题|:help|:note|\? help|\? 帮助说明|☰ sections|☰ 章节菜单|↷ skip|↷ 跳过)/m;

describe('zhizao assess in a real 80×24 terminal: digit keys, killed with SIGKILL, nothing lost, resumed', () => {
  it('English: --show-levels, a digit picks the level typed; answers survive a SIGKILL and the second run resumes at the saved cursor', async () => {
    const dir = tempDir();
    const t = new Tmux();
    t.start(['assess', '--questionnaire', MINI, '--lang', 'en', '--show-levels'], dir, 'en');
    await t.waitFor('Date of the assessment');
    await step(t, () => (t.keys('C-u'), t.type('2026/11/29'), t.keys('Enter')), 'Industry type');
    await step(t, () => t.keys('Enter'), 'Company');
    await step(t, () => (t.type('Kill Test Ltd'), t.keys('Enter')), 'Site');
    await step(t, () => (t.type('Plant 2'), t.keys('Enter')), 'Sector');
    for (const next of ['Region', 'Assessor']) await step(t, () => t.keys('Enter'), next);
    // a consultant's interview (an assessor named): each question's id ends its place line
    await step(t, () => (t.type('Wang'), t.keys('Enter')), 'Interviewees');
    await step(t, () => t.keys('Enter'), 'Add programme-office details');
    let screen = await step(t, () => t.keys('Enter'), '· design_level'); // "no" is the default
    expect(screen).toContain('2 · PDM');
    await step(t, () => (t.type('2'), t.keys('Enter')), '· bom_control'); // the digit 2 picks level 2
    await step(t, () => t.keys('Down', 'Enter'), '· design_tools'); // Mostly met
    await step(t, () => t.keys('Down', 'Space', 'Enter'), '· designers_total'); // 3D CAD
    await step(t, () => (t.type('10'), t.keys('Enter')), '· designers_digital');
    await step(t, () => (t.type(':help'), t.keys('Enter')), 'Help: Head count');
    await step(t, () => (t.type(':note'), t.keys('Enter')), 'Evidence note for “Design staff using digital tools”');
    await step(t, () => (t.type('Counted from the HR list'), t.keys('Enter')), 'Who may read this note?');
    await step(t, () => t.keys('Down', 'Enter'), '✎ Internal note saved');
    await step(t, () => (t.type('7'), t.keys('Enter')), '· key_processes_total');
    screen = await step(t, () => (t.type('12'), t.keys('Enter')), '· key_processes_cnc');
    // the cross-field check is refused at the prompt, in the real terminal too
    screen = await step(t, () => (t.type('13'), t.keys('Enter')), 'CNC key processes cannot exceed all key processes');
    expect(flat(screen)).toContain('("CNC-controlled key processes": 13; "Key processes": 12)');
    // the transcript: one line per answer, none for a command
    const transcript = t.capture(200);
    expect(transcript).toContain('✔ How digital is product design? · 2 · PDM');
    expect(transcript).toContain('✔ Design staff · 10');
    expect(transcript).not.toMatch(COMMAND_ANSWER);
    // a note added with :note leaves no ✔ line either (the header says it was saved)
    expect(transcript).not.toMatch(/^✔ (Note|Who may read this note\?)/m);
    expect(transcript).not.toContain('✔ Note Counted from the HR list');

    killHard(t);
    expect(await t.waitForExit()).toBe(137); // 128 + SIGKILL

    const files = answerFiles(dir);
    expect(files).toEqual(['Kill-Test-Ltd-2026-11-29.zhizao.yaml']); // named by the assessment date
    const file = path.join(dir, files[0]!);
    const saved = read(file);
    expect(saved.respondent).toMatchObject({ company: 'Kill Test Ltd', site: 'Plant 2', industry: 'discrete', date: '2026-11-29' });
    expect(saved.answers).toEqual({ design_level: 'pdm', bom_control: 'mostly', design_tools: ['cad3d'], designers_total: 10, designers_digital: 7, key_processes_total: 12 });
    expect(saved.notes).toEqual({ designers_digital: { text: 'Counted from the HR list', internal: true } });
    expect(saved.progress?.cursor).toBe('key_processes_cnc');
    expect(readdirSync(dir).filter((f) => f.includes('zhizao-tmp'))).toEqual([]); // no temp file left behind by the writes
    const v = zhizao(['validate', file, '--questionnaire', MINI]);
    expect(v.stderr).toContain('valid');
    expect(v.code).toBe(0);

    // second run: resumes at the saved cursor and says so
    const t2 = new Tmux();
    t2.start(['assess', files[0]!, '--questionnaire', MINI, '--lang', 'en'], dir, 'en');
    screen = await t2.waitFor('· key_processes_cnc');
    expect(flat(screen)).toContain(`Resuming ${files[0]} where you left off: Production 2/7 (6/12 answered)`);
    expect(screen).toContain('[Production] question 2 of 7 · overall 6/12 answered');
    expect(screen).toContain('CNC-controlled key processes');
    await step(t2, () => (t2.type('5'), t2.keys('Enter')), '· has_mes');
    expect(read(file).answers?.key_processes_cnc).toBe(5);
    // Ctrl-C ends cleanly with the path and the resume command (as it runs here: node …/bin/zhizao.js), exit 130
    t2.keys('C-c');
    screen = await t2.waitFor('To continue:');
    expect(flat(screen)).toContain(`Everything entered so far is saved in ${files[0]}`);
    expect(flat(screen)).toContain(`To continue: node ${BIN} assess ${files[0]} --questionnaire ${MINI}`);
    expect(await t2.waitForExit()).toBe(130);

    // third run: to the end of the interview, the score summary and the report command as it runs here
    const t3 = new Tmux();
    t3.start(['assess', files[0]!, '--questionnaire', MINI, '--lang', 'en'], dir, 'en');
    await t3.waitFor('· has_mes');
    await step(t3, () => t3.keys('Down', 'Enter'), '· cnc_robots'); // no MES
    await step(t3, () => t3.keys('Down', 'Down', 'Enter'), '· defect_rate'); // partly met
    await step(t3, () => (t3.type('2.5%'), t3.keys('Enter')), '· main_bottleneck');
    await step(t3, () => (t3.type('Changeovers take two hours'), t3.keys('Enter')), '· production_mode');
    await step(t3, () => t3.keys('Down', 'Enter'), 'Review: all 12 questions answered');
    screen = await step(t3, () => t3.keys('Enter'), 'Write the report:');
    expect(screen).toContain('Maturity level'); // on the last screen, next to what to do now…
    expect(t3.capture(200).match(/Maturity level/g)).toHaveLength(1); // …and only there
    expect(flat(screen)).toContain(`Write the report: node ${BIN} report ${files[0]} --questionnaire ${MINI} -o report.html`);
    expect(await t3.waitForExit()).toBe(0);
    expect(read(file).answers).toMatchObject({ design_level: 'pdm', key_processes_cnc: 5, has_mes: false, cnc_robots: 'partial', defect_rate: 0.025, production_mode: 'mto' });
  }, 120_000);

  it('Chinese: --show-levels digits, a process plant with a Chinese file name, killed mid-interview and resumed', async () => {
    const dir = tempDir();
    const t = new Tmux();
    t.start(['assess', '--questionnaire', MINI, '--lang', 'zh', '--sections', 'design,production', '--show-levels'], dir, 'zh');
    await t.waitFor('诊断日期');
    await step(t, () => (t.keys('C-u'), t.type('2026年11月29日'), t.keys('Enter')), '行业类型');
    await step(t, () => t.keys('Down', 'Enter'), '企业名称'); // process
    await step(t, () => (t.type('郑州/流程化工 有限公司'), t.keys('Enter')), '厂区');
    for (const next of ['行业门类', '地区', '诊断人员']) await step(t, () => t.keys('Enter'), next);
    await step(t, () => (t.type('王工'), t.keys('Enter')), '受访人员'); // an assessor named: the ids are shown
    await step(t, () => (t.type('生产部 赵经理; 设备部 钱工'), t.keys('Enter')), '主管部门信息');
    let screen = await step(t, () => t.keys('Enter'), '· design_level');
    expect(screen).toContain('【研发设计】 第 1/5 题 · 总进度 已答 0/12');
    expect(screen).toContain('3 · 协同');
    await step(t, () => (t.type('3'), t.keys('Enter')), '· bom_control'); // the digit 3 picks level 3
    // to production through the section menu (a digit picks the entry at that position: no numbers shown there)
    await step(t, () => (t.type('9'), t.keys('Enter')), '去哪里？'); // ☰ 章节菜单 is the 9th entry (4 options, note, evidence, help, back, menu)
    screen = await step(t, () => (t.type('2'), t.keys('Enter')), '· key_processes_total');
    expect(screen).toContain('【生产制造】 第 1/7 题 · 总进度 已答 1/12');
    screen = await step(t, () => (t.type('20'), t.keys('Enter')), '· key_processes_cnc');
    expect(screen).toContain('自动控制的关键工序数'); // the process-industry variant
    await step(t, () => (t.type(':unknown'), t.keys('Enter')), '· has_mes');
    await step(t, () => t.keys('Enter'), '· mes_modules'); // 是 → the MES follow-ups appear
    await step(t, () => t.keys('Space', 'Down', 'Space', 'Enter'), '· mes_integrated');
    await step(t, () => t.keys('Down', 'Down', 'Enter'), '· dcs_control'); // 部分满足
    const transcript = t.capture(200);
    expect(transcript).toContain('✔ 产品设计数字化水平？ · 3 · 协同');
    expect(transcript).not.toMatch(COMMAND_ANSWER);

    killHard(t);
    await t.waitForExit();

    const files = answerFiles(dir);
    expect(files).toEqual(['郑州-流程化工-有限公司-2026-11-29.zhizao.yaml']);
    const file = path.join(dir, files[0]!);
    const saved = read(file);
    expect(saved.respondent).toMatchObject({ company: '郑州/流程化工 有限公司', industry: 'process', interviewees: ['生产部 赵经理', '设备部 钱工'], date: '2026-11-29' });
    expect(saved.answers).toEqual({ design_level: 'collab', key_processes_total: 20, key_processes_cnc: 'unknown', has_mes: true, mes_modules: ['orders', 'quality'], mes_integrated: 'partial' });
    expect(saved.progress).toMatchObject({ cursor: 'dcs_control', sections: ['design', 'production'] });
    expect(zhizao(['validate', file, '--questionnaire', MINI]).code).toBe(0);

    const t2 = new Tmux();
    t2.start(['assess', files[0]!, '--questionnaire', MINI, '--lang', 'zh'], dir, 'zh');
    screen = await t2.waitFor('· dcs_control');
    expect(flat(screen)).toContain(`继续 ${files[0]}，从上次停下的题目开始：生产制造 6/9（已答 6/14）；章节：研发设计 (design), 生产制造 (production)`);
    expect(screen).toContain('关键装置 DCS 控制');
    await step(t2, () => t2.keys('Enter'), '· defect_rate');
    expect(read(file).answers?.dcs_control).toBe('full');
    expect(read(file).progress?.cursor).toBe('defect_rate');
    // a bare 0.8 for a percentage: which one was meant
    screen = await step(t2, () => (t2.type('0.8'), t2.keys('Enter')), '是指 0.8% 还是 80%');
    expect(screen).not.toContain('✔ 不良品率'); // no value recorded before the choice
    expect(screen).toMatch(/· defect_rate\n\? 不良品率\n {2}输入的是 0\.8：是指 0\.8% 还是 80%？/); // under the question, which stays
    // the question has no plausible range: nothing is highlighted, Enter alone chooses nothing
    screen = await step(t2, () => t2.keys('Enter'), '选定之前不会保存');
    expect(read(file).answers?.defect_rate).toBeUndefined();
    await step(t2, () => (t2.type('1'), t2.keys('Enter')), '· main_bottleneck');
    expect(read(file).answers?.defect_rate).toBeCloseTo(0.008, 10);
    expect(t2.capture(200).match(/✔ 不良品率.*/g)).toEqual(['✔ 不良品率 · 0.8%']); // one record line, the value chosen
    await step(t2, () => (t2.type('换型时间长'), t2.keys('Enter')), '· production_mode');
    screen = await step(t2, () => t2.keys('Enter'), '复查：14 道题中还有 4 道未答');
    // finish is the 6th entry (answer now, the 4 open questions, finish)
    screen = await step(t2, () => (t2.type('6'), t2.keys('Enter')), '生成诊断报告：');
    expect(screen).toContain('成熟度等级');
    expect(await t2.waitForExit()).toBe(0);
    expect(read(file).answers).toMatchObject({ design_level: 'collab', dcs_control: 'full', main_bottleneck: '换型时间长', production_mode: 'mts' });
  }, 120_000);

  it('English at 80 columns: long help of the bundled questionnaire wraps at words, never mid-word', async () => {
    const dir = tempDir();
    const t = new Tmux();
    t.start(['assess', '--lang', 'en', '--sections', 'foundations'], dir, 'en');
    await t.waitFor('Date of the assessment');
    await step(t, () => t.keys('Enter'), 'Industry type');
    await step(t, () => t.keys('Enter'), 'Company');
    await step(t, () => (t.type('Wrap Co'), t.keys('Enter')), 'Site');
    for (const next of ['Sector', 'Region', 'Assessor']) await step(t, () => t.keys('Enter'), next);
    await step(t, () => (t.type('Wang'), t.keys('Enter')), 'Interviewees');
    await step(t, () => t.keys('Enter'), 'Add programme-office details');
    await step(t, () => t.keys('Enter'), '· equipment_total');
    const q = JSON.parse(zhizao(['questionnaire', 'show', 'smart-manufacturing', '--json']).stdout) as { sections: { questions: { id: string; help: { en: string } }[] }[] };
    const help = q.sections.flatMap((x) => x.questions).find((x) => x.id === 'equipment_total')!.help.en;
    expect(help.length).toBeGreaterThan(300);
    const screen = await step(t, () => (t.type(':help'), t.keys('Enter')), 'Help:');
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(flat(t.capture(60))).toContain(flat(`Help: ${help}`));
    t.keys('C-c');
    expect(await t.waitForExit()).toBe(130);
  }, 120_000);
});
