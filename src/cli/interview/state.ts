/**
 * The state of one interview shared by its parts (the loop, the questions, the respondent form, the menus):
 * the answer file in memory, the cursor, the scope (sections, mode), messages waiting for the next prompt.
 * Saving goes through the autosave (autosave.ts) before the next prompt appears, so that nothing typed is lost.
 */
import type { ChalkInstance } from 'chalk';
import { CURSOR_REVIEW, assessorNamed, interviewMode, newAnswerFile, questionWording, respondentCursor, snapshot, withProgress, type Snapshot } from '../../core/interview.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { AnswerFile, InterviewMode, Lang, Question, Text } from '../../core/types.js';
import type { Position, SessionOptions } from './types.js';
export type { Position, SessionOptions, SessionResult } from './types.js';
import { formatMessage, type MessageArgs, type MessageCode } from '../../messages/catalogue.js';
import { Autosave } from './autosave.js';
import type { Prompter } from './prompter.js';

export class Interview {
  readonly q: Questionnaire;
  readonly lang: Lang;
  readonly c: ChalkInstance;
  readonly p: Prompter;
  readonly store: Autosave;
  readonly sections: string[] | undefined;
  readonly mode: InterviewMode;
  readonly showLevels: boolean;
  readonly now: () => Date;
  data: AnswerFile;
  cursor: string | undefined;
  /** Messages shown above the next prompt (saved note, refused back, resume…). */
  flash: string[] = [];
  showHelp = false;

  constructor(readonly o: SessionOptions) {
    this.q = o.q;
    this.lang = o.lang;
    this.c = o.chalk;
    this.p = o.prompter;
    this.now = o.now ?? (() => new Date());
    this.data = o.target?.data ?? newAnswerFile(o.q, { company: '', industry: 'discrete' });
    this.cursor = o.target?.data?.progress?.cursor ?? undefined;
    this.mode = interviewMode(o.target?.data, o.mode);
    this.showLevels = Boolean(o.showLevels);
    // --sections wins over the sections saved in the file; ids the questionnaire no longer has are dropped.
    const known = new Set(o.q.def.sections.map((x) => x.id));
    const sections = (o.sections?.length ? o.sections : (o.target?.data?.progress?.sections ?? [])).filter((x) => known.has(x));
    this.sections = sections.length ? sections : undefined;
    this.store = new Autosave(this);
  }

  m(code: MessageCode, args: MessageArgs = {}): string {
    return formatMessage(code, args, this.lang);
  }

  t(text: Text): string {
    return text[this.lang];
  }

  /** A question's text as the interview shows it (the plant's industry variant), in the interview language. */
  questionText(question: Question): string {
    return this.t(questionWording(question, this.data.respondent.industry).text);
  }

  /**
   * Whether question ids are shown beside the questions: to a consultant (an assessor is named), who finds them in
   * `validate`'s messages; never to a company assessing itself, for whom they are internal names.
   */
  showIds(): boolean {
    return assessorNamed(this.data.respondent);
  }

  snap(): Snapshot {
    return snapshot(this.q, this.data, this.sections, this.mode);
  }

  /** Write the file with the cursor (and the scope of the interview); nothing goes on until it is saved. */
  async save(cursor: string | undefined): Promise<void> {
    this.cursor = cursor;
    this.data = withProgress(this.data, cursor, this.sections, this.now().toISOString(), this.mode);
    await this.store.save();
  }

  takeFlash(): string[] {
    const f = this.flash;
    this.flash = [];
    return f;
  }

  cursorOf(pos: Position): string | undefined {
    if (pos.kind === 'question') return pos.id;
    if (pos.kind === 'review') return CURSOR_REVIEW;
    return respondentCursor(pos.step);
  }

  sectionTitles(): string {
    return this.q.def.sections
      .filter((s) => this.sections?.includes(s.id))
      .map((s) => `${this.t(s.title)} (${s.id})`)
      .join(', ');
  }
}
