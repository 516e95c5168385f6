/** Options and results of an interview session, and the places it can be at. */
import type { ChalkInstance } from 'chalk';
import type { CheckSet } from '../../core/checks.js';
import type { RespondentStep } from '../../core/interview.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { CompiledSectorPack } from '../../core/sector.js';
import type { AnswerFile, InterviewMode, Lang } from '../../core/types.js';
import type { Prompter } from './prompter.js';

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
  /** --mode (overrides the mode saved in the file). */
  mode?: InterviewMode;
  /** The consistency checks of the questionnaire: an answer that makes one fire is warned about at once. */
  checks?: readonly CheckSet[];
  /** The sector packs (read when a sector is written in words: the code its words name is suggested); none by default. */
  sectorPacks?: () => Promise<readonly CompiledSectorPack[]>;
  /** --show-levels: the maturity level beside each option of a level question. */
  showLevels?: boolean;
  anonymousName?: boolean;
  /** Extra arguments the resume command needs (e.g. `--questionnaire path`). */
  resumeArgs?: string[];
  /** The command that runs zhizao where the user is (`zhizao`, `npx zhizao`…), for the resume command. */
  command?: string;
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

export type Position = { kind: 'question'; id: string; reviewMode: boolean } | { kind: 'review' } | { kind: 'respondent'; step: RespondentStep };

