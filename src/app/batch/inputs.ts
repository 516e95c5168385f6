/**
 * The inputs of a batch as the workers read them. A batch can name 100,000 answer files: the list stays compact
 * (src/io/input-list.ts) and each input's Unit (path, displayed path, why it cannot be read) is built when it is
 * sent to a worker, never held for the whole run.
 */
import path from 'node:path';
import { expandInputs, STDIN, type InputKind, type InputList } from '../../io/expand-inputs.js';
import type { MessageCode } from '../../messages/catalogue.js';
import { UsageError } from '../errors.js';
import type { Unit } from './parts.js';

const REJECT_CODES: Partial<Record<InputKind, MessageCode>> = {
  missing: 'input.not-found',
  'no-match': 'input.no-match',
  'empty-folder': 'input.empty-folder',
  'binary-spreadsheet': 'input.binary-spreadsheet',
  'other-spreadsheet': 'input.other-spreadsheet',
  document: 'input.document-not-input',
  unsupported: 'input.unsupported',
};
/** Files that exist but cannot be read (rejected with their extension and how to fix it). */
const UNREADABLE: ReadonlySet<InputKind> = new Set(['binary-spreadsheet', 'other-spreadsheet', 'document', 'unsupported']);

/** Why an input of this kind is rejected before it is read (a file batch cannot read, a name that matches nothing), or undefined. */
export function rejectionOf(kind: InputKind, file: string): { code: MessageCode; args: Record<string, string> } | undefined {
  const code = REJECT_CODES[kind];
  if (!code) return undefined;
  return { code, args: UNREADABLE.has(kind) ? { ext: path.extname(file).toLowerCase() || '(none)' } : {} };
}

/** Is `file` the folder `dir` or inside it? */
export const inside = (file: string, dir: string) => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The inputs named on the command line, in order, without this run's own outputs; files inside the reports
 * folder are left out and listed in `ownOutputs` (as shown).
 */
export async function listInputs(args: readonly string[], exclude: ReadonlySet<string>, reportsDir: string | undefined): Promise<{ inputs: InputList; ownOutputs: string[] }> {
  const listed = await expandInputs(args, exclude);
  const ownOutputs: string[] = [];
  if (!reportsDir) return { inputs: listed, ownOutputs };
  const inputs = listed.filter((i) => {
    const kind = listed.kindAt(i);
    if (kind !== 'missing' && kind !== 'no-match' && listed.pathAt(i) !== STDIN && inside(listed.pathAt(i), reportsDir)) {
      ownOutputs.push(listed.shownAt(i));
      return false;
    }
    return true;
  });
  return { inputs, ownOutputs };
}

/** Is there anything to read? (Not when every input is missing, an empty folder or a pattern matching nothing.) */
export function anyReadable(inputs: InputList): boolean {
  for (let i = 0; i < inputs.length; i++) {
    const kind = inputs.kindAt(i);
    if (!REJECT_CODES[kind] || UNREADABLE.has(kind)) return true;
  }
  return false;
}

/**
 * Nothing at all to read, as a usage error: the inputs that do not exist by name when there are any (a mistyped
 * folder is not an empty one), else "no answer file or table in …".
 */
export function nothingToRead(inputs: InputList, given: readonly string[]): UsageError {
  const missing: string[] = [];
  for (let i = 0; i < inputs.length; i++) if (inputs.kindAt(i) === 'missing') missing.push(inputs.shownAt(i));
  if (missing.length) return new UsageError('batch.inputs-not-found', { inputs: missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : ''), count: missing.length });
  return new UsageError('batch.no-inputs', { inputs: given.join(' '), count: given.length });
}

/** What the worker pool hands out: the input at an index, as a Unit built on demand. */
export interface UnitSource {
  readonly length: number;
  at(index: number): Unit;
}

/** Standard input as the batch read it: a copy in the spool for the workers, or why it could not be read (too large…). */
export type StdinCopy = { path: string } | { code: MessageCode; args: Record<string, string | number> };

export function unitsOf(inputs: InputList, stdin?: StdinCopy): UnitSource {
  return {
    length: inputs.length,
    at(index: number): Unit {
      const kind = inputs.kindAt(index);
      const file = inputs.pathAt(index);
      const shown = inputs.shownAt(index);
      if (file === STDIN && kind === 'answer') {
        if (!stdin) throw new Error('standard input was not read');
        return 'path' in stdin ? { index, path: stdin.path, shown, kind } : { index, path: file, shown, kind: 'reject', code: stdin.code, args: stdin.args };
      }
      const rejection = rejectionOf(kind, file);
      if (!rejection) return { index, path: file, shown, kind: kind as Unit['kind'] };
      return { index, path: file, shown, kind: 'reject', code: rejection.code, args: rejection.args };
    },
  };
}

/**
 * The inputs companies came from, for the sample statement: how many, and the first ten. Inputs arrive in order
 * and a table's parts one after another, so counting an input once needs only the last index seen.
 */
export class SampleFiles {
  readonly first: string[] = [];
  count = 0;
  private last = -1;

  add(index: number, shown: () => string): void {
    if (index === this.last) return;
    this.last = index;
    this.count++;
    if (this.first.length < 10) this.first.push(shown());
  }
}
