import type { MessageCode } from '../../messages/catalogue.js';
/**
 * The interview loop: engine (src/core/interview.ts) + prompter + autosave. Every answer, note and respondent field
 * is written (atomically) together with the cursor BEFORE the next prompt appears, so that nothing typed is lost.
 */
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { parse as parseYaml } from 'yaml';
import { normaliseAnswer } from '../../core/answer-value.js';
import { answerFileToYaml } from '../../core/answer-yaml.js';
import { isValidCreditCode } from '../../core/credit-code.js';
import {
  CURSOR_REVIEW,
  OFFICE_STEPS,
  answerFileName,
  checkAnswer,
  formatAnswer,
  isValidIsoDate,
  isoDate,
  newAnswerFile,
  nextQuestion,
  nextRespondentStep,
  nextUnanswered,
  noteOf,
  overallProgress,
  parseInterviewees,
  placeOf,
  previousQuestion,
  questionWording,
  respondentCursor,
  resumePoint,
  sectionEntry,
  sectionProgress,
  snapshot,
  unansweredQuestions,
  withAnswer,
  withNote,
  withProgress,
  withRespondent,
  type Given,
  type RespondentStep,
  type Snapshot,
} from '../../core/interview.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import { INDUSTRIES, type AnswerFile, type AnswerValue, type Industry, type Lang, type Question, type Respondent, type RetrofitStatus, type Text } from '../../core/types.js';
import { FileExistsError, writeFileAtomic } from '../../io/atomic-write.js';
import { displayPath } from '../../io/paths.js';
import { formatMessage } from '../../messages/catalogue.js';
import { EXIT, ExitError } from '../errors.js';
import { forTerminal, safeDefault, type Action, type ChoiceEntry, type Prompter, type QuestionView } from './prompter.js';

export interface SessionOptions {
  q: Questionnaire;
  lang: Lang;
  chalk: ChalkInstance;
  prompter: Prompter;
  /** An existing answer file to resume (its path and data), or the path of a new file to create. */
  target?: { file: string; data?: AnswerFile };
  /** Folder for a new file named after the company (when no target file is given). */
  dir: string;
  /** --sections (overrides the sections saved in the file). */
  sections?: string[];
  anonymousName?: boolean;
  /** Extra arguments the resume command needs (e.g. `--questionnaire path`). */
  resumeArgs?: string[];
  /** Messages on stderr. */
  say(line: string): void;
  /** Injected for tests; default writeFileAtomic and the clock. */
  write?: (file: string, text: string, opts: { force: boolean }) => Promise<void>;
  now?: () => Date;
}

export interface SessionResult {
  file: string;
  /** True when the consultant finished (score summary follows); false after "save and exit". */
  finished: boolean;
}

/** Quote a path for the resume command when the shell would otherwise split or expand it. */
export function shellQuote(s: string): string {
  if (/^[\p{L}\p{N}\p{M}_\-./\\:()（）]+$/u.test(s) && !/[()]/.test(s)) return s;
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

export function resumeCommand(file: string, extra: string[] = []): string {
  return ['zhizao', 'assess', shellQuote(forTerminal(displayPath(file))), ...extra.map((x) => shellQuote(forTerminal(x)))].join(' ');
}

/** YAML, or JSON for a `.json` answer file being resumed (same key order either way). */
function serialise(data: AnswerFile, q: Questionnaire, file: string | undefined): string {
  const yaml = answerFileToYaml(data, q);
  return file && /\.json$/i.test(file) ? JSON.stringify(parseYaml(yaml), null, 2) + '\n' : yaml;
}

/** Columns a string takes in a terminal: East Asian wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
const padDisplay = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

const shownPath = (file: string) => forTerminal(displayPath(file));

const isPromptExit = (e: unknown) => e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');

type Position = { kind: 'question'; id: string; reviewMode: boolean } | { kind: 'review' } | { kind: 'respondent'; step: RespondentStep };

export async function runSession(opts: SessionOptions): Promise<SessionResult> {
  const s = new Session(opts);
  try {
    return await s.run();
  } catch (e) {
    if (!isPromptExit(e)) throw e;
    s.interrupted();
    throw new ExitError(EXIT.interrupted);
  }
}

class Session {
  private readonly q: Questionnaire;
  private readonly lang: Lang;
  private readonly c: ChalkInstance;
  private readonly p: Prompter;
  private readonly write: (file: string, text: string, o: { force: boolean }) => Promise<void>;
  private readonly now: () => Date;
  private file?: string;
  private data: AnswerFile;
  private sections?: string[];
  /** Messages shown above the next prompt (saved note, refused back, resume…). */
  private flash: string[] = [];
  private showHelp = false;

  constructor(private readonly o: SessionOptions) {
    this.q = o.q;
    this.lang = o.lang;
    this.c = o.chalk;
    this.p = o.prompter;
    this.write = o.write ?? ((f, t, w) => writeFileAtomic(f, t, w));
    this.now = o.now ?? (() => new Date());
    this.data = o.target?.data ?? newAnswerFile(o.q, { company: '', industry: 'discrete' });
    if (o.target?.data) this.file = o.target.file;
    this.cursor = o.target?.data?.progress?.cursor ?? undefined;
    // --sections wins over the sections saved in the file; ids the questionnaire no longer has are dropped.
    const known = new Set(o.q.def.sections.map((x) => x.id));
    const sections = (o.sections?.length ? o.sections : (o.target?.data?.progress?.sections ?? [])).filter((x) => known.has(x));
    this.sections = sections.length ? sections : undefined;
  }

  private t = (x: Text) => x[this.lang];
  private L = (zh: string, en: string) => (this.lang === 'zh' ? zh : en);

  // -------------------------------------------------------------------------------------------------------------
  // Saving

  private cursor: string | undefined;

  /** Write the file with the cursor; the first write of a new file never replaces an existing one. */
  private async save(cursor: string | undefined): Promise<void> {
    this.cursor = cursor;
    this.data = withProgress(this.data, cursor, this.sections, this.now().toISOString());
    const text = serialise(this.data, this.q, this.file ?? this.o.target?.file);
    for (;;) {
      try {
        await this.writeOnce(text);
        return;
      } catch (e) {
        if (e instanceof FileExistsError || !(e instanceof Error) || !('code' in e)) throw e;
        // A full disk, a removed USB stick, a file made read-only: nothing goes on until the answer is saved.
        const where = this.file ?? this.o.target?.file ?? this.o.dir;
        const reason = forTerminal(`${(e as NodeJS.ErrnoException).code}: ${e.message}`);
        const retry = await this.p.choose<boolean>({
          header: ['', this.c.red(this.L(`无法保存 ${shownPath(where)}（${reason}）。刚才的输入尚未保存。`, `Could not save ${shownPath(where)} (${reason}). The last entry is NOT saved yet.`))],
          message: this.L('怎么办？', 'What now?'),
          choices: [
            { name: this.L('重试保存', 'try to save again'), value: true },
            { name: this.L('退出（最后一项输入将丢失）', 'quit (the last entry is lost)'), value: false },
          ],
          default: true,
        });
        if (!retry) {
          this.o.say(this.c.red(this.L(`未能保存：${reason}`, `Not saved: ${reason}`)));
          if (this.file) this.o.say(this.L(`此前的答案都在 ${shownPath(this.file)} 中。继续访谈：${resumeCommand(this.file, this.o.resumeArgs)}`, `Earlier answers are in ${shownPath(this.file)}. To continue: ${resumeCommand(this.file, this.o.resumeArgs)}`));
          throw new ExitError(EXIT.invalid);
        }
      }
    }
  }

  private async writeOnce(text: string): Promise<void> {
    if (this.file) {
      await this.write(this.file, text, { force: true });
      return;
    }
    if (this.o.target) {
      await this.write(this.o.target.file, text, { force: false });
      this.file = this.o.target.file;
      this.created();
      return;
    }
    const today = isoDate(this.now());
    for (let attempt = 1; attempt < 1000; attempt++) {
      const candidate = path.join(this.o.dir, answerFileName(this.data.respondent.company, today, attempt, this.o.anonymousName));
      try {
        await this.write(candidate, text, { force: false });
        this.file = candidate;
        this.created();
        return;
      } catch (e) {
        if (!(e instanceof FileExistsError)) throw e;
      }
    }
    throw new Error('could not find a free file name');
  }

  private created(): void {
    this.o.say(this.c.green(this.L(`已创建 ${shownPath(this.file!)}（每个答案都会自动保存）`, `Created ${shownPath(this.file!)} (every answer is saved as you go)`)));
  }

  /** A new file's name is known before the company is: a FILE argument, or --anonymous-name. */
  private nameKnown(): boolean {
    return Boolean(this.o.target) || Boolean(this.o.anonymousName);
  }

  interrupted(): void {
    if (!this.file) {
      this.o.say(this.L('已中断：尚未保存任何内容（输入企业名称后才会创建文件）。', 'Interrupted: nothing was saved yet (the file is created once the company is entered).'));
      return;
    }
    this.o.say(
      this.L(
        `\n已中断。所有已填写的内容都已保存在 ${shownPath(this.file)}\n继续访谈：${resumeCommand(this.file, this.o.resumeArgs)}`,
        `\nInterrupted. Everything entered so far is saved in ${shownPath(this.file)}\nTo continue: ${resumeCommand(this.file, this.o.resumeArgs)}`,
      ),
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // The loop

  async run(): Promise<SessionResult> {
    let pos: Position;
    if (!this.file) {
      // A new interview: respondent details first; the file is created once industry and company are known.
      this.o.say(this.c.bold(this.L(`智造诊断访谈 — ${this.t(this.q.def.title)}`, `zhizao interview — ${this.t(this.q.def.title)}`)));
      if (this.sections) this.o.say(this.L(`仅访谈以下章节：${this.sectionTitles()}`, `Only these sections: ${this.sectionTitles()}`));
      pos = { kind: 'respondent', step: 'industry' };
    } else {
      pos = this.resumePosition();
      if (this.o.sections?.length) await this.save(this.cursorOf(pos)); // store the new --sections right away
    }
    for (;;) {
      switch (pos.kind) {
        case 'respondent':
          pos = await this.respondentStage(pos.step, false);
          break;
        case 'question': {
          const next = await this.askQuestion(pos.id, pos.reviewMode);
          if (next === 'exit') return this.exit();
          pos = next;
          break;
        }
        case 'review': {
          const next = await this.review();
          if (next === 'finish') return { file: this.file!, finished: true };
          if (next === 'exit') return this.exit();
          pos = next;
          break;
        }
      }
    }
  }

  private exit(): SessionResult {
    this.o.say(this.L(`已保存 ${shownPath(this.file!)}。继续访谈：${resumeCommand(this.file!, this.o.resumeArgs)}`, `Saved ${shownPath(this.file!)}. To continue: ${resumeCommand(this.file!, this.o.resumeArgs)}`));
    return { file: this.file!, finished: false };
  }

  private sectionTitles(): string {
    return this.q.def.sections.filter((s) => this.sections?.includes(s.id)).map((s) => `${this.t(s.title)} (${s.id})`).join(', ');
  }

  private cursorOf(pos: Position): string | undefined {
    if (pos.kind === 'question') return pos.id;
    if (pos.kind === 'review') return CURSOR_REVIEW;
    return respondentCursor(pos.step);
  }

  private snap(): Snapshot {
    return snapshot(this.q, this.data, this.sections);
  }

  private resumePosition(): Position {
    const snap = this.snap();
    const r = resumePoint(this.q, this.data, snap);
    const file = shownPath(this.file!);
    const { answered, total } = overallProgress(snap);
    let line: string;
    let pos: Position;
    if (r.kind === 'respondent') {
      line = this.L(`继续 ${file}：基本信息（${r.step}）`, `Resuming ${file}: respondent details (${r.step})`);
      pos = { kind: 'respondent', step: r.step };
    } else if (r.kind === 'review') {
      line = this.L(`继续 ${file}：已答 ${answered}/${total}，进入复查`, `Resuming ${file}: ${answered}/${total} answered, at the review`);
      pos = { kind: 'review' };
    } else if (!r.saved && !this.data.respondent.company.trim()) {
      // A file from `zhizao template` or another tool: no saved place and no company yet: respondent details first.
      line = this.L(`继续 ${file}：先填写基本信息`, `Continuing ${file}: respondent details first`);
      pos = { kind: 'respondent', step: 'industry' };
    } else {
      const place = placeOf(this.q, snap, r.question.id);
      const where = place ? `${this.t(place.section.title)} ${place.index}/${place.count}` : r.question.id;
      line = r.saved
        ? this.L(`继续 ${file}，从上次停下的题目开始：${where}（已答 ${answered}/${total}）`, `Resuming ${file} where you left off: ${where} (${answered}/${total} answered)`)
        : this.L(`继续 ${file}，从第一道未答题开始：${where}（已答 ${answered}/${total}）`, `Continuing ${file} at the first unanswered question: ${where} (${answered}/${total} answered)`);
      pos = { kind: 'question', id: r.question.id, reviewMode: false };
    }
    if (this.sections) line += this.L(`；章节：${this.sectionTitles()}`, `; sections: ${this.sectionTitles()}`);
    this.o.say(this.c.cyan(line));
    return pos;
  }

  private takeFlash(): string[] {
    const f = this.flash;
    this.flash = [];
    return f;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Questions

  private header(question: Question, snap: Snapshot, wording: { help: Text }): string[] {
    const place = placeOf(this.q, snap, question.id);
    const lines: string[] = [''];
    if (place) {
      lines.push(
        this.L(
          `【${this.t(place.section.title)}】 第 ${place.index}/${place.count} 题 · 总进度 已答 ${place.answered}/${place.total} · ${question.id}`,
          `[${this.t(place.section.title)}] question ${place.index} of ${place.count} · overall ${place.answered}/${place.total} answered · ${question.id}`,
        ),
      );
    }
    const shownAnswer = formatAnswer(question, this.data.answers?.[question.id] ?? undefined, this.lang);
    const current = shownAnswer === undefined ? undefined : forTerminal(shownAnswer);
    if (current !== undefined) lines.push(this.L(`当前答案：${current}`, `Current answer: ${current}`));
    const note = noteOf(this.data, question.id);
    if (note) {
      const text = forTerminal(note.text.replace(/\s+/g, ' '));
      const short = text.length > 80 ? text.slice(0, 77) + '…' : text;
      lines.push(`✎ ${note.internal ? this.L('内部备注', 'internal note') : this.L('备注', 'note')}: ${short.replace(/\s+/g, ' ')}`);
    }
    lines.push(...this.takeFlash());
    if (this.showHelp) {
      lines.push(this.L('说明：', 'Help:') + ' ' + this.t(wording.help));
      this.showHelp = false;
    }
    return lines;
  }

  private problemText(id: string, problems: { code: MessageCode; args: Record<string, string | number> }[]): string {
    const question = this.q.byId.get(id);
    return problems
      .map((p) => {
        const args = { ...p.args };
        if (p.code === 'answer.exclusive' && question?.options)
          args.value = String(args.value)
            .split(', ')
            .map((v) => question.options?.find((o) => o.value === v)?.label[this.lang] ?? v)
            .join(', ');
        const m = formatMessage(p.code, args, this.lang);
        return m.startsWith(`${id}: `) ? m.slice(id.length + 2) : m.startsWith(`${id}：`) ? m.slice(id.length + 1) : m;
      })
      .join('; ');
  }

  private view(question: Question, snap: Snapshot, pending?: AnswerValue): QuestionView {
    const wording = questionWording(question, this.data.respondent.industry);
    const n = normaliseAnswer(question, this.data.answers?.[question.id]);
    const current: AnswerValue | undefined =
      'error' in n || n.status === 'unanswered' ? undefined : n.status === 'unknown' ? 'unknown' : n.status === 'na' ? 'n/a' : n.value;
    const header = this.header(question, snap, wording);
    return {
      question,
      lang: this.lang,
      header,
      text: this.t(wording.text),
      ...(current !== undefined ? { current } : {}),
      ...(pending !== undefined ? { pending } : {}),
      hasNote: noteOf(this.data, question.id) !== undefined,
      check: (raw) => {
        const r = checkAnswer(this.q, this.data, question.id, { kind: 'value', raw });
        return r.ok ? { ok: true, value: r.stored } : { ok: false, message: this.problemText(question.id, r.problems) };
      },
      format: (value) => forTerminal(formatAnswer(question, value, this.lang) ?? String(value)),
    };
  }

  /** Ask one question; returns where to go next. */
  private async askQuestion(id: string, reviewMode: boolean): Promise<Position | 'exit'> {
    let pending: AnswerValue | undefined;
    for (;;) {
      const snap = this.snap();
      const question = this.q.byId.get(id);
      if (!question || !snap.order.some((x) => x.id === id)) {
        // Hidden since (an answer or the industry type changed): go on with the next visible one.
        const next = nextQuestion(this.q, snap, id);
        return next ? { kind: 'question', id: next.id, reviewMode } : { kind: 'review' };
      }
      if (this.cursor !== id) await this.save(id);
      const action: Action = await this.p.question(this.view(question, snap, pending));
      pending = undefined;
      switch (action.kind) {
        case 'answer':
          return this.answer(question, { kind: 'value', raw: action.value }, reviewMode);
        case 'unknown':
          return this.answer(question, { kind: 'unknown' }, reviewMode);
        case 'na':
          return this.answer(question, { kind: 'na' }, reviewMode);
        case 'skip':
          return this.advance(question.id, reviewMode);
        case 'back': {
          const prev = previousQuestion(this.q, snap, question.id);
          if (!prev) {
            this.flash.push(this.c.yellow(this.L('已经是第一题。', 'This is the first question.')));
            continue;
          }
          await this.save(prev.id);
          return { kind: 'question', id: prev.id, reviewMode: false };
        }
        case 'help':
          this.showHelp = true;
          pending = action.pending;
          continue;
        case 'note':
          await this.editNote(question);
          pending = action.pending;
          continue;
        case 'menu': {
          const r = await this.menu(question.id);
          if (r === 'stay') continue;
          return r;
        }
      }
    }
  }

  private async answer(question: Question, given: Given, reviewMode: boolean): Promise<Position> {
    const r = checkAnswer(this.q, this.data, question.id, given);
    if (!r.ok) {
      // The prompt validates before returning; this only guards against a stale check.
      this.flash.push(this.c.red(this.problemText(question.id, r.problems)));
      return { kind: 'question', id: question.id, reviewMode };
    }
    this.data = withAnswer(this.data, question.id, r.stored);
    return this.advance(question.id, reviewMode);
  }

  /** Move on after `id` (next in order, or next unanswered in review mode) and save with the new cursor. */
  private async advance(id: string, reviewMode: boolean): Promise<Position> {
    const snap = this.snap();
    const next = reviewMode ? nextUnanswered(this.q, snap, id, false) : nextQuestion(this.q, snap, id);
    const pos: Position = next ? { kind: 'question', id: next.id, reviewMode } : { kind: 'review' };
    await this.save(this.cursorOf(pos));
    return pos;
  }

  private async editNote(question: Question): Promise<void> {
    const existing = noteOf(this.data, question.id);
    const text = await this.p.text({
      header: ['', this.L(`为 ${question.id} 记录证据备注（回车不修改；输入 - 删除备注）`, `Evidence note for ${question.id} (Enter alone keeps it as is; - deletes it)`)],
      message: this.L('备注', 'Note'),
      ...(safeDefault(existing?.text) !== undefined ? { default: existing!.text } : {}),
      validate: (v) => (v.length > 20000 ? this.L('备注过长（最多 20000 字）', 'note too long (20,000 characters at most)') : true),
    });
    const trimmed = text.trim();
    if (trimmed === '-') {
      this.data = withNote(this.data, question.id, null);
      await this.save(question.id);
      this.flash.push(this.c.green(this.L('✎ 备注已删除', '✎ Note deleted')));
      return;
    }
    if (trimmed === '') {
      this.flash.push(this.L('备注未修改', 'Note unchanged'));
      return;
    }
    // Save the text first (nothing typed is lost), then ask whether it is internal.
    this.data = withNote(this.data, question.id, { text: trimmed, internal: existing?.internal ?? false });
    await this.save(question.id);
    const internal = await this.p.choose<boolean>({
      message: this.L('这条备注给谁看？', 'Who may read this note?'),
      choices: [
        { name: this.L('可写入报告（客户可见）', 'may appear in the report (client)'), value: false },
        { name: this.L('内部备注：只留在答卷文件中，不出现在任何报告里', 'internal: stays in the answer file, never in any report'), value: true },
      ],
      default: existing?.internal ?? false,
    });
    this.data = withNote(this.data, question.id, { text: trimmed, internal });
    await this.save(question.id);
    this.flash.push(this.c.green(internal ? this.L('✎ 内部备注已保存', '✎ Internal note saved') : this.L('✎ 备注已保存', '✎ Note saved')));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Section menu and review

  private async menu(currentId: string | undefined): Promise<Position | 'stay' | 'exit'> {
    const snap = this.snap();
    type M = { go: 'section'; id: string } | { go: 'stay' } | { go: 'review' } | { go: 'respondent' } | { go: 'exit' };
    const progress = sectionProgress(snap);
    const width = Math.max(...progress.map((p) => displayWidth(this.t(p.title))), 4) + 2;
    const unanswered = unansweredQuestions(snap).length;
    const choices: ChoiceEntry<M>[] = [
      ...progress.map((p) => ({
        name: `${p.answered === p.visible ? '✓' : ' '} ${padDisplay(this.t(p.title), width)} ${p.answered}/${p.visible}`,
        value: { go: 'section', id: p.id } as M,
        description: this.L(`跳到“${this.t(p.title)}”的第一道未答题`, `Jump to the first unanswered question of ${this.t(p.title)}`),
      })),
      'separator',
      ...(currentId ? [{ name: this.L('↩ 回到当前题目', '↩ back to the current question'), value: { go: 'stay' } as M }] : []),
      { name: this.L(`☑ 复查未答题目（${unanswered}）并结束`, `☑ review unanswered (${unanswered}) and finish`), value: { go: 'review' } },
      { name: this.L('👤 修改基本信息（企业、行业类型…）', '👤 edit respondent details (company, industry type…)'), value: { go: 'respondent' } },
      { name: this.L('💾 保存并退出（稍后继续）', '💾 save and exit (continue later)'), value: { go: 'exit' } },
    ];
    const pick = await this.p.choose<M>({
      header: ['', this.L('章节菜单（已答/可见题目数）', 'Sections (answered/visible questions)')],
      message: this.L('去哪里？', 'Where to?'),
      choices,
      default: (choices.find((ch) => ch !== 'separator' && ch.value.go === 'stay') as { value: M } | undefined)?.value,
    });
    switch (pick.go) {
      case 'stay':
        return 'stay';
      case 'exit':
        return 'exit';
      case 'review':
        await this.save(CURSOR_REVIEW);
        return { kind: 'review' };
      case 'respondent': {
        await this.respondentStage('industry', true);
        return currentId ? { kind: 'question', id: currentId, reviewMode: false } : { kind: 'review' };
      }
      case 'section': {
        const target = sectionEntry(this.snap(), pick.id);
        if (!target) {
          this.flash.push(this.c.yellow(this.L('该章节没有需要回答的题目。', 'That section has no questions to answer.')));
          return currentId ? 'stay' : { kind: 'review' };
        }
        await this.save(target.id);
        return { kind: 'question', id: target.id, reviewMode: false };
      }
    }
  }

  private async review(): Promise<Position | 'finish' | 'exit'> {
    for (;;) {
      const snap = this.snap();
      if (this.cursor !== CURSOR_REVIEW) await this.save(CURSOR_REVIEW);
      const open = unansweredQuestions(snap);
      type R = { go: 'all' } | { go: 'question'; id: string } | { go: 'finish' } | { go: 'menu' } | { go: 'last' } | { go: 'exit' };
      const title = (question: Question) => {
        const sec = this.q.def.sections.find((x) => x.id === this.q.sectionOf.get(question.id));
        const text = this.t(questionWording(question, this.data.respondent.industry).text);
        return `[${sec ? this.t(sec.title) : ''}] ${text.length > 60 ? text.slice(0, 57) + '…' : text}`;
      };
      const choices: ChoiceEntry<R>[] = [];
      if (open.length) {
        choices.push({ name: this.L(`▶ 现在逐一回答未答题目（${open.length}）`, `▶ answer the unanswered questions now (${open.length})`), value: { go: 'all' } });
        for (const x of open.slice(0, 40)) choices.push({ name: `  ${title(x)}`, value: { go: 'question', id: x.id }, description: x.id });
        choices.push('separator');
      }
      choices.push(
        { name: this.L('✔ 结束访谈，显示评分摘要', '✔ finish: show the score summary'), value: { go: 'finish' } },
        { name: this.L('☰ 章节菜单', '☰ sections'), value: { go: 'menu' } },
        ...(snap.order.length ? [{ name: this.L('← 回到最后一题', '← back to the last question'), value: { go: 'last' } as R }] : []),
        { name: this.L('💾 保存并退出（稍后继续）', '💾 save and exit (continue later)'), value: { go: 'exit' } },
      );
      const head = open.length
        ? this.L(`复查：${snap.order.length} 道题中还有 ${open.length} 道未答（未答题按“不满足”计分）`, `Review: ${open.length} of ${snap.order.length} questions unanswered (unanswered questions score as not satisfied)`)
        : this.L(`复查：全部 ${snap.order.length} 道题都已回答`, `Review: all ${snap.order.length} questions answered`);
      const pick = await this.p.choose<R>({ header: ['', ...this.takeFlash(), head], message: this.L('接下来？', 'What next?'), choices });
      switch (pick.go) {
        case 'all':
          return { kind: 'question', id: open[0]!.id, reviewMode: true };
        case 'question':
          return { kind: 'question', id: pick.id, reviewMode: true };
        case 'finish':
          return 'finish';
        case 'exit':
          return 'exit';
        case 'last':
          return { kind: 'question', id: snap.order[snap.order.length - 1]!.id, reviewMode: false };
        case 'menu': {
          const r = await this.menu(undefined);
          if (r === 'stay') continue;
          if (r === 'exit') return 'exit';
          return r;
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Respondent details

  /**
   * Ask the respondent steps from `from` on. A new interview saves the cursor at the next step after each field;
   * editing from the menu keeps the question cursor. Returns the first question (or review) afterwards.
   */
  private async respondentStage(from: RespondentStep, editing: boolean): Promise<Position> {
    let step: RespondentStep | undefined = from;
    while (step) {
      step = await this.respondentStep(step, editing);
    }
    if (editing) return { kind: 'review' };
    const snap = this.snap();
    const first = unansweredQuestions(snap)[0] ?? snap.order[0];
    const pos: Position = first ? { kind: 'question', id: first.id, reviewMode: false } : { kind: 'review' };
    await this.save(this.cursorOf(pos));
    return pos;
  }

  /** Save a respondent field with the cursor at the following step (or keep the cursor when editing). */
  private async saveField(next: RespondentStep | undefined, editing: boolean): Promise<RespondentStep | undefined> {
    // Named after the company: the file is created once the company is entered (the step after the industry type).
    if (!this.file && !this.nameKnown() && !this.data.respondent.company) return next;
    if (editing) await this.save(this.cursor);
    else if (next) await this.save(respondentCursor(next));
    // the last step: respondentStage saves with the first question as cursor
    return next;
  }

  private header1(step: RespondentStep): string[] {
    const n = ['industry', 'company', 'site', 'sector', 'region', 'assessor', 'interviewees', 'date'].indexOf(step);
    const head = n >= 0 ? this.L(`基本信息 ${n + 1}/8`, `Respondent details ${n + 1}/8`) : this.L('主管部门信息（可选）', 'Programme-office details (optional)');
    return ['', head, ...this.takeFlash()];
  }

  private async optionalText(step: RespondentStep, key: keyof Respondent, label: Text, max: number, editing: boolean): Promise<RespondentStep | undefined> {
    const existing = this.data.respondent[key];
    const v = await this.p.text({
      header: [...this.header1(step), this.L('可选：回车跳过/保留；输入 - 清除', 'optional: Enter skips/keeps; - clears it')],
      message: this.t(label),
      ...(typeof existing === 'string' && safeDefault(existing) ? { default: existing } : {}),
      validate: (x) => (x.trim().length > max ? this.L(`最多 ${max} 个字符`, `${max} characters at most`) : true),
    });
    const t = v.trim();
    if (t === '-') this.data = withRespondent(this.data, key, undefined);
    else if (t) this.data = withRespondent(this.data, key, t as never);
    return this.saveField(nextRespondentStep(step), editing);
  }

  private async respondentStep(step: RespondentStep, editing: boolean): Promise<RespondentStep | undefined> {
    const r = this.data.respondent;
    const next = nextRespondentStep(step);
    switch (step) {
      case 'industry': {
        const industryLabels: Record<Industry, { name: Text; description: Text }> = {
          discrete: { name: { zh: '离散型制造', en: 'discrete manufacturing' }, description: { zh: '机械加工、装配：零件和产品按件生产', en: 'machining, assembly: parts and products made piece by piece' } },
          process: { name: { zh: '流程型制造', en: 'process manufacturing' }, description: { zh: '化工、食品、建材、冶金：物料连续或批次流动', en: 'chemicals, food, building materials, metals: material flows continuously or in batches' } },
          mixed: { name: { zh: '混合型', en: 'mixed' }, description: { zh: '兼有离散和流程环节', en: 'both discrete and process stages' } },
        };
        const industry = await this.p.choose<Industry>({
          header: this.header1(step),
          message: this.L('行业类型', 'Industry type'),
          choices: INDUSTRIES.map((i) => ({ name: `${this.t(industryLabels[i].name)} (${i})`, value: i, description: this.t(industryLabels[i].description) })),
          ...(this.file ? { default: r.industry } : {}),
        });
        this.data = withRespondent(this.data, 'industry', industry);
        return this.saveField(next, editing);
      }
      case 'company': {
        const company = await this.p.text({
          header: this.header1(step),
          message: this.L('企业名称', 'Company'),
          ...(safeDefault(r.company) ? { default: r.company } : {}),
          validate: (x) => (x.trim() === '' ? this.L('请填写企业名称', 'please enter the company name') : x.trim().length > 200 ? this.L('最多 200 个字符', '200 characters at most') : true),
        });
        this.data = withRespondent(this.data, 'company', company.trim());
        return this.saveField(next, editing);
      }
      case 'site':
        return this.optionalText(step, 'site', { zh: '厂区/工厂（同一企业有多个工厂时）', en: 'Site (which plant of the company)' }, 200, editing);
      case 'sector':
        return this.optionalText(step, 'sector', { zh: '行业门类（GB/T 4754 代码，如 C34，或文字）', en: 'Sector (GB/T 4754 code such as C34, or text)' }, 100, editing);
      case 'region':
        return this.optionalText(step, 'region', { zh: '地区', en: 'Region' }, 200, editing);
      case 'assessor':
        return this.optionalText(step, 'assessor', { zh: '诊断人员', en: 'Assessor' }, 200, editing);
      case 'interviewees': {
        const v = await this.p.text({
          header: [...this.header1(step), this.L('可选：多人用 ; 分隔；回车跳过/保留；输入 - 清除', 'optional: separate people with ; — Enter skips/keeps; - clears')],
          message: this.L('受访人员', 'Interviewees'),
          ...(r.interviewees?.length && safeDefault(r.interviewees.join('; ')) ? { default: r.interviewees.join('; ') } : {}),
          validate: (x) => (parseInterviewees(x).some((p) => p.length > 200) ? this.L('每人最多 200 个字符', '200 characters per person at most') : true),
        });
        if (v.trim() === '-') this.data = withRespondent(this.data, 'interviewees', undefined);
        else if (v.trim()) this.data = withRespondent(this.data, 'interviewees', parseInterviewees(v).slice(0, 200));
        return this.saveField(next, editing);
      }
      case 'date': {
        const v = await this.p.text({
          header: this.header1(step),
          message: this.L('诊断日期（YYYY-MM-DD）', 'Date of the assessment (YYYY-MM-DD)'),
          default: safeDefault(r.date) ?? isoDate(this.now()),
          validate: (x) => (isValidIsoDate(x.trim()) ? true : this.L('请按 YYYY-MM-DD 填写有效日期', 'a valid date as YYYY-MM-DD, please')),
        });
        this.data = withRespondent(this.data, 'date', v.trim());
        return this.saveField(next, editing);
      }
      case 'office': {
        const has = OFFICE_STEPS.some((k) => k !== 'retrofit_year' && (r as unknown as Record<string, unknown>)[k] !== undefined);
        const yes = await this.p.confirm({
          header: this.header1(step),
          message: this.L('是否填写主管部门信息（统一社会信用代码、区划、园区、规上、A/B/C 类、改造状态）？', 'Add programme-office details (credit code, district, park, above designated size, A/B/C class, retrofit status)?'),
          default: has,
        });
        if (!yes) return this.saveField(undefined, editing);
        return this.saveField(next, editing);
      }
      case 'credit_code': {
        const v = await this.p.text({
          header: [...this.header1(step), this.L('可选：回车跳过/保留；输入 - 清除', 'optional: Enter skips/keeps; - clears it')],
          message: this.L('统一社会信用代码（18 位）', 'Unified social credit code (18 characters)'),
          ...(safeDefault(r.credit_code) ? { default: r.credit_code } : {}),
          validate: (x) => {
            const t = x.trim().toUpperCase();
            if (t === '' || t === '-') return true;
            if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(t)) return this.L('应为 18 位数字或大写字母（不含 I、O、Z、S、V）', '18 digits or capital letters (no I, O, Z, S, V)');
            if (!isValidCreditCode(t)) return this.L('校验位不正确，请核对', 'the check character does not match: please check the code');
            return true;
          },
        });
        const t = v.trim().toUpperCase();
        if (t === '-') this.data = withRespondent(this.data, 'credit_code', undefined);
        else if (t) this.data = withRespondent(this.data, 'credit_code', t);
        return this.saveField(next, editing);
      }
      case 'district':
        return this.optionalText(step, 'district', { zh: '统计用区划代码（或区县名称）', en: 'District (statistical division code or name)' }, 50, editing);
      case 'park':
        return this.optionalText(step, 'park', { zh: '所在园区', en: 'Industrial park' }, 200, editing);
      case 'above_designated_size': {
        const v = await this.p.choose<boolean | null>({
          header: this.header1(step),
          message: this.L('是否规模以上工业企业（规上）？', 'Above designated size (规上)?'),
          choices: [
            { name: this.L('是', 'yes'), value: true },
            { name: this.L('否', 'no'), value: false },
            { name: this.L('不清楚 / 不填', 'not known / leave empty'), value: null },
          ],
          default: r.above_designated_size ?? null,
        });
        this.data = withRespondent(this.data, 'above_designated_size', v === null ? undefined : v);
        return this.saveField(next, editing);
      }
      case 'enterprise_class': {
        const v = await this.p.choose<'A' | 'B' | 'C' | 'D' | null>({
          header: this.header1(step),
          message: this.L('企业分类（主管部门评定的 A/B/C 类）', 'Enterprise class (A/B/C as assigned by the programme office)'),
          choices: [
            { name: 'A', value: 'A' },
            { name: 'B', value: 'B' },
            { name: 'C', value: 'C' },
            ...(r.enterprise_class === 'D' ? [{ name: 'D', value: 'D' as const }] : []),
            { name: this.L('未评定 / 不填', 'not classified / leave empty'), value: null },
          ],
          default: r.enterprise_class ?? null,
        });
        this.data = withRespondent(this.data, 'enterprise_class', v ?? undefined);
        return this.saveField(next, editing);
      }
      case 'retrofit_status': {
        const labels: Record<RetrofitStatus, Text> = {
          none: { zh: '未改造', en: 'none' },
          planned: { zh: '计划改造', en: 'planned' },
          'in-progress': { zh: '改造中', en: 'in progress' },
          done: { zh: '已完成改造', en: 'done' },
        };
        const v = await this.p.choose<RetrofitStatus | null>({
          header: this.header1(step),
          message: this.L('智能化改造状态', 'Smart-retrofit status'),
          choices: [
            ...(['none', 'planned', 'in-progress', 'done'] as RetrofitStatus[]).map((st) => ({ name: `${this.t(labels[st])} (${st})`, value: st })),
            { name: this.L('不填', 'leave empty'), value: null },
          ],
          default: r.retrofit_status?.status ?? null,
        });
        if (v === null) this.data = withRespondent(this.data, 'retrofit_status', undefined);
        else {
          const year = v !== 'none' && r.retrofit_status?.year !== undefined ? { year: r.retrofit_status.year } : {};
          this.data = withRespondent(this.data, 'retrofit_status', { status: v, ...year });
        }
        if (v === null || v === 'none') return this.saveField(undefined, editing);
        return this.saveField(next, editing);
      }
      case 'retrofit_year': {
        const st = r.retrofit_status;
        if (!st) return this.saveField(undefined, editing);
        const v = await this.p.text({
          header: [...this.header1(step), this.L('可选：回车跳过/保留；输入 - 清除', 'optional: Enter skips/keeps; - clears it')],
          message: this.L('改造年份', 'Retrofit year'),
          ...(st.year !== undefined ? { default: String(st.year) } : {}),
          validate: (x) => {
            const t = x.trim();
            if (t === '' || t === '-') return true;
            return /^\d{4}$/.test(t) && Number(t) >= 1990 && Number(t) <= 2100 ? true : this.L('请填写 1990–2100 之间的年份', 'a year between 1990 and 2100, please');
          },
        });
        const t = v.trim();
        if (t === '-') this.data = withRespondent(this.data, 'retrofit_status', { status: st.status });
        else if (t) this.data = withRespondent(this.data, 'retrofit_status', { status: st.status, year: Number(t) });
        return this.saveField(undefined, editing);
      }
    }
  }
}
