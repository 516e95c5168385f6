/** The `zhizao batch` use case's contract: what a caller asks (runBatch's request), and what it is told back. */
import type { BatchSummary } from '../../core/batch/summary.js';
import type { Limits } from '../../core/source.js';
import type { Lang } from '../../core/types.js';
import type { TableLimits } from '../../io/tables/limits.js';
import type { GroupWords } from './columns.js';
import type { Rejected } from './parts.js';

export interface BatchRequest {
  inputs: string[];
  /** OUT.xlsx, OUT.csv or OUT.json. */
  output?: string | undefined;
  /** Stream the whole result as JSON to `stdout`. */
  json: boolean;
  map?: string | undefined;
  /** A folder for one report per company, and their format. */
  reports?: { dir: string; format: 'md' | 'html' | 'docx' } | undefined;
  questionnaire?: string | undefined;
  targets?: string | undefined;
  profile?: string | undefined;
  /** The regional action plan whose count targets are tracked (default zhengzhou-2018). */
  policy?: string | undefined;
  groupBy?: string | undefined;
  anonymize: boolean;
  anonKey: string;
  /**
   * The minimum group size (default DEFAULT_MIN_GROUP_SIZE): below it a figure gets no verdict. Given explicitly, or
   * with --anonymize, groups smaller than it are also merged into "other".
   */
  minGroupSize?: number | undefined;
  /** Worker threads; undefined: chosen from the inputs and the CPUs (defaultJobs). */
  jobs?: number | undefined;
  force: boolean;
  lang: Lang;
  /** The command that runs zhizao where the user is, for `{cmd}` in messages (default `zhizao`). */
  cmd?: string;
  limits: Limits;
  tableLimits: TableLimits;
  /** A bad table cell rejects its row (default) or is left unanswered and listed. */
  onBadCell?: 'reject' | 'blank';
  /** Keep every company's raw answers in the output. */
  includeAnswers?: boolean;
  /** The worker script (tests substitute one that fails on purpose). */
  workerUrl?: URL | undefined;
}

/** The cells left unanswered with --on-bad-cell blank: how many, in how many companies (table rows), and the first few. */
export interface BlankedCells {
  cells: number;
  companies: number;
  first: { file: string; cell?: string; company?: string }[];
}

export interface BatchOutcome {
  summary: BatchSummary;
  /** With --on-bad-cell blank: the cells left unanswered (also `summary.blanked` in the JSON, without the list). */
  blanked?: BlankedCells;
  /** Output files written. */
  written: string[];
  rejectedCount: number;
  /** The rejected inputs, read back from the spool (available until `finished` returns). */
  rejected(): AsyncIterable<Rejected>;
  /** A grouping by a question (--group-by), in words: its text and its options' labels. */
  groupWords?: GroupWords;
}

export interface BatchEvents {
  /** A message about an input or the batch as a whole. */
  note(text: string): void;
  progress(update: { total?: number; inputs?: number; companies?: number; rejected?: number }): void;
  /** Where --json goes. */
  stdout: NodeJS.WritableStream;
  /** Called once the outputs are written, before the temporary spool is removed. */
  finished(outcome: BatchOutcome): Promise<void>;
}
