import path from 'node:path';
import { diag, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { Context } from '../cli/program.js';
import '../messages/batch-messages.js';
import { resolveSource } from './answer-file.js';
import { displayPath } from './paths.js';
import { tableLimitsFrom } from './tables/limits.js';
import { loadSurveyMap } from './tables/map-file.js';
import { readTableInput, tableKindOf } from './tables/table-input.js';

/** Validate a CSV/XLSX table or Excel form: every row is checked like an answer file. */
export async function validateTable(file: string, ctx: Context): Promise<{ file: string; diagnostics: Diagnostic[] }[]> {
  const shown = displayPath(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xls' || ext === '.et') return [{ file: shown, diagnostics: [diag('input.binary-spreadsheet', shown, { line: 1, column: 1 }, { ext })] }];
  const kind = tableKindOf(file);
  if (!kind) return [{ file: shown, diagnostics: [diag('input.unsupported', shown, { line: 1, column: 1 }, { ext })] }];
  const { defs, opts } = ctx;
  const override = opts.questionnaire as string | undefined;
  const q = await defs.questionnaire(override ?? undefined);
  const map = opts.map ? await loadSurveyMap(String(opts.map), q, (f) => defs.source(f)) : undefined;
  const ds: Diagnostic[] = [];
  try {
    for await (const ev of readTableInput(file, shown, kind, { q, defaultQuestionnaire: q.def.id, ...(map ? { map } : {}), limits: tableLimitsFrom(opts) })) {
      if (ev.type === 'row') {
        const r = await resolveSource(ev.source, defs, override);
        const sheetOf = ev.sheetOf;
        ds.push(...(sheetOf ? r.diagnostics.map((d) => ({ ...d, file: `${d.file}[${sheetOf(d.path)}]` })) : r.diagnostics));
      } else ds.push(...ev.diagnostics);
    }
  } catch (e) {
    // A workbook whose parts are corrupt fails inside the spreadsheet library: unreadable, not an internal error.
    if (kind !== 'xlsx') throw e;
    ds.push(diag('xlsx.unreadable', shown, { line: 1, column: 1 }, { detail: (e as Error).message.split('\n')[0]! }));
  }
  return [{ file: shown, diagnostics: sortDiagnostics(ds) }];
}
