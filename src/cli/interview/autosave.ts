/**
 * Saving the answer file: atomically, before the next prompt appears. A new file is named after the company and
 * the assessment date (never replacing an existing file); a failed write is retried or the interview stops with
 * the place of the earlier answers. Also the messages that say where the file is and how to continue.
 */
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { answerFileToYaml } from '../../core/answer-yaml.js';
import { answerFileName } from '../../core/file-names.js';
import { isoDate } from '../../core/interview.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { AnswerFile } from '../../core/types.js';
import { FileExistsError, writeFileAtomic } from '../../io/atomic-write.js';
import { displayPath } from '../../io/paths.js';
import { EXIT, ExitError } from '../errors.js';
import { forTerminal } from './prompter.js';
import type { MessageArgs, MessageCode } from '../../messages/catalogue.js';
import type { ChalkInstance } from 'chalk';
import type { Prompter } from './prompter.js';
import type { SessionOptions } from './types.js';

/** What saving needs from the interview. */
export interface AutosaveHost {
  readonly o: SessionOptions;
  readonly q: Questionnaire;
  readonly c: ChalkInstance;
  readonly p: Prompter;
  readonly data: AnswerFile;
  now(): Date;
  m(code: MessageCode, args?: MessageArgs): string;
}

/** Quote a path for the resume command when the shell would otherwise split or expand it. */
export function shellQuote(s: string): string {
  if (/^[\p{L}\p{N}\p{M}_\-./\\:()（）]+$/u.test(s) && !/[()]/.test(s)) return s;
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** `zhizao assess FILE …` as it runs where the user is (`command`: zhizao, npx zhizao…). */
export function resumeCommand(file: string, extra: string[] = [], command = 'zhizao'): string {
  return [command, 'assess', shellQuote(forTerminal(displayPath(file))), ...extra.map((x) => shellQuote(forTerminal(x)))].join(' ');
}

/** YAML, or JSON for a `.json` answer file being resumed (same key order either way). */
function serialise(data: AnswerFile, q: Questionnaire, file: string | undefined): string {
  const yaml = answerFileToYaml(data, q);
  return file && /\.json$/i.test(file) ? JSON.stringify(parseYaml(yaml), null, 2) + '\n' : yaml;
}

const shownPath = (file: string) => forTerminal(displayPath(file));

export class Autosave {
  /** The file once it exists. */
  file: string | undefined;
  private readonly write: (file: string, text: string, o: { force: boolean }) => Promise<void>;

  constructor(private readonly iv: AutosaveHost) {
    this.write = iv.o.write ?? ((f, t, w) => writeFileAtomic(f, t, w));
    if (iv.o.target?.data) this.file = iv.o.target.file;
  }

  /** A new file's name is known before the company is: a FILE argument, or --anonymous-name. */
  nameKnown(): boolean {
    return Boolean(this.iv.o.target) || Boolean(this.iv.o.anonymousName);
  }

  /** Whether saving can create the file now (it is named after the company once that is entered). */
  canSave(): boolean {
    return Boolean(this.file) || this.nameKnown() || Boolean(this.iv.data.respondent.company);
  }

  resumeCommand(): string {
    return resumeCommand(this.file!, this.iv.o.resumeArgs, this.iv.o.command);
  }

  /** Write the file; the first write of a new file never replaces an existing one. */
  async save(): Promise<void> {
    const { iv } = this;
    const text = serialise(iv.data, iv.q, this.file ?? iv.o.target?.file);
    for (;;) {
      try {
        await this.writeOnce(text);
        return;
      } catch (e) {
        if (e instanceof FileExistsError || !(e instanceof Error) || !('code' in e)) throw e;
        // A full disk, a removed USB stick, a file made read-only: nothing goes on until the answer is saved.
        const where = this.file ?? iv.o.target?.file ?? iv.o.dir;
        const reason = forTerminal(`${(e as NodeJS.ErrnoException).code}: ${e.message}`);
        const retry = await iv.p.choose<boolean>({
          header: ['', iv.c.red(iv.m('iv.save-failed', { file: shownPath(where), reason }))],
          message: iv.m('iv.what-now'),
          choices: [
            { name: iv.m('iv.retry-save'), value: true },
            { name: iv.m('iv.quit-unsaved'), value: false },
          ],
          default: true,
          transcript: false,
        });
        if (!retry) {
          iv.o.say(iv.c.red(iv.m('iv.not-saved', { reason })));
          if (this.file) iv.o.say(iv.m('iv.earlier-answers', { file: shownPath(this.file), command: this.resumeCommand() }));
          throw new ExitError(EXIT.invalid);
        }
      }
    }
  }

  private async writeOnce(text: string): Promise<void> {
    const { iv } = this;
    if (this.file) {
      await this.write(this.file, text, { force: true });
      return;
    }
    if (iv.o.target) {
      await this.write(iv.o.target.file, text, { force: false });
      this.file = iv.o.target.file;
      this.created();
      return;
    }
    // Named by the assessment date (asked first), else today's.
    const date = iv.data.respondent.date ?? isoDate(iv.now());
    for (let attempt = 1; attempt < 1000; attempt++) {
      const candidate = path.join(iv.o.dir, answerFileName(iv.data.respondent.company, date, attempt, iv.o.anonymousName));
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
    this.iv.o.say(this.iv.c.green(this.iv.m('iv.created', { file: shownPath(this.file!) })));
  }

  interrupted(): void {
    if (!this.file) {
      this.iv.o.say(this.iv.m('iv.interrupted-nothing'));
      return;
    }
    this.iv.o.say(this.iv.m('iv.interrupted', { file: shownPath(this.file), command: this.resumeCommand() }));
  }

  exited(): void {
    this.iv.o.say(this.iv.m('iv.saved-exit', { file: shownPath(this.file!), command: this.resumeCommand() }));
  }
}
