import type { MessageCode } from '../messages/catalogue.js';

/** A problem found in an input file: a stable code, arguments for the message catalogue, and a location. */
export interface Diagnostic {
  code: MessageCode;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  args: Record<string, string | number>;
  /** JSON-pointer-like path inside the document, when known. */
  path?: (string | number)[];
  /** The text of the line the problem is on, shown under the message (YAML syntax errors). */
  excerpt?: string;
}

/** Where a problem is: line and column, and for a table row's cell its spreadsheet name (E3), which messages may quote. */
export type Located = Pick<Diagnostic, 'line' | 'column'> & { cell?: string };

export function diag(
  code: MessageCode,
  file: string,
  at: Located,
  args: Diagnostic['args'] = {},
  severity: Diagnostic['severity'] = 'error',
  path?: (string | number)[],
): Diagnostic {
  return { code, severity, file, line: at.line, column: at.column, args, ...(path ? { path } : {}) };
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === 'error');

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  // (localeCompare only between different files: its first call sets up the collator, milliseconds at start-up)
  return [...ds].sort((a, b) => (a.file === b.file ? 0 : a.file.localeCompare(b.file)) || a.line - b.line || a.column - b.column);
}

/** Thrown for problems in user input; carries diagnostics, never a stack trace for the user. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).join('\n'));
  }
}
