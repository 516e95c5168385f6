import path from 'node:path';
import { implausibleAnswers } from '../../core/checks.js';
import { computeIndicators } from '../../core/indicators.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { Lang } from '../../core/types.js';
import type { Definitions } from '../../io/definitions.js';
import { expandInputs } from '../../io/expand-inputs.js';
import type { MessageCode } from '../../messages/catalogue.js';
import { nothingToRead, rejectionOf } from './inputs.js';
import { columnLetter } from '../../io/tables/cells.js';
import type { ColumnRole } from '../../io/tables/columns.js';
import type { BadRow } from '../../io/tables/csv-read.js';
import type { TableLimits } from '../../io/tables/limits.js';
import { loadSurveyMap } from '../../io/tables/map-file.js';
import { previewTables } from '../../io/tables/preview.js';
import type { RowSource } from '../../io/tables/row-source.js';
import { tableKindOf } from '../../io/tables/table-input.js';
import type { CellProblem } from './parts.js';
import { cellProblemOf, confidentialQuestions, contradictions, implausibleWarnings, resolveRow, shielded } from './row-check.js';
import { companyOf } from './source-data.js';

export interface DryRunRequest {
  inputs: string[];
  map?: string | undefined;
  questionnaire?: string | undefined;
  /** The targets the real run would use (the checks may read whether an indicator meets its target). */
  targets?: string | undefined;
  tableLimits: TableLimits;
  /** As the real run would be given: a bad cell rejects its row, or is left unanswered. */
  onBadCell?: 'reject' | 'blank' | undefined;
  /** How the cell problems are worded (as the real run's problems list). */
  lang: Lang;
  cmd: string;
}

export interface DryRunTable {
  file: string;
  headerLine?: number;
  rows?: number;
  columns?: { letter: string; header: string; target: string; note?: string }[];
  unmapped?: { letter: string; header: string }[];
  unmatched?: { id: string; labels: { label: string; rows: number }[] }[];
  /** Records lost to a broken quote (a real run lists each as rejected). */
  lost?: BadRow[];
  /** Map entries without a column (errors), or why the table cannot be read. */
  problems: Diagnostic[];
  /**
   * The cells a real run would list as errors, read by the same rule (row-check.ts): each with what the run would
   * do — reject its row, or (--on-bad-cell blank) leave it unanswered; and the values outside their plausible range,
   * which it keeps in the company row and leaves out of the regional figures; and the contradictions between answers
   * (the consistency checks), which it lists and keeps. Confidential answers name the question only (a confidential
   * value out of range, or a contradiction naming one, is not listed).
   */
  cells?: CellProblem[];
  /** Rows a real run would reject for their cells. */
  rejectedRows?: number;
}
export interface DryRunResult {
  tables: DryRunTable[];
  /** Inputs that are not tables (answer files, forms are read as they are), by kind. */
  others: { file: string; kind: string; rejected?: { code: MessageCode; args: Record<string, string> } }[];
  /** True when a table has a problem a real run would reject it for. */
  errors: boolean;
}

const targetOf = (r: ColumnRole): string => {
  switch (r.kind) {
    case 'respondent':
      return `respondent.${r.field}`;
    case 'answer':
      return r.id;
    case 'option':
      return `${r.id} = ${r.option}`;
    default:
      return r.kind;
  }
};
const optionsOf = (r: ColumnRole): string | undefined => {
  const o = r.opts;
  if (!o) return undefined;
  const parts = [o.separator !== undefined ? `separator ${JSON.stringify(o.separator)}` : '', o.unit ? `unit ${o.unit}${o.unitFromHeader ? ' (header)' : ''}` : '', o.scale !== undefined ? `× ${o.scale}` : '', o.blank?.length ? `blank ${o.blank.join('/')}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
};

/**
 * `batch --dry-run`: how each table would be read with the map, every cell a real run would reject its row for (or
 * leave unanswered), every value it would leave out of the regional figures and every contradiction between answers
 * it would list — nothing scored, nothing written.
 */
export async function dryRunBatch(defs: Definitions, req: DryRunRequest): Promise<DryRunResult> {
  const q = await defs.questionnaire(req.questionnaire);
  // (a bad --targets stops here, as it stops a real run before any input is read)
  const targets = await defs.targets(req.targets);
  // the questions whose answers the programme office never reads (their problems name the question only)
  const confidential = confidentialQuestions(q.questions);
  const map = req.map ? await loadSurveyMap(req.map, q, (f) => defs.source(f)) : undefined;
  const items = await expandInputs(req.inputs, new Set(req.map ? [path.resolve(req.map)] : []));
  if (items.length === 0 || [...items.kinds()].every((it) => it.kind === 'missing' || it.kind === 'no-match' || it.kind === 'empty-folder')) throw nothingToRead(items, req.inputs);
  const result: DryRunResult = { tables: [], others: [], errors: false };
  for (const it of items) {
    const kind = tableKindOf(it.path);
    if (!kind || (it.kind !== 'csv' && it.kind !== 'xlsx')) {
      // a file a real run rejects unread (.xls, .docx, …) is an error here too; answer files are listed, not checked
      const rejected = rejectionOf(it.kind, it.path);
      if (rejected) result.errors = true;
      result.others.push({ file: it.shown, kind: it.kind, ...(rejected ? { rejected } : {}) });
      continue;
    }
    // every row's cells, as a real run reads them (the same rule: row-check.ts), without scoring
    const say = { lang: req.lang, cmd: req.cmd };
    const cells: CellProblem[] = [];
    const rejectedRows = new Map<string, number>();
    const visit = async (row: RowSource, at: { row: number; line: number; file: string }) => {
      const company = companyOf(row.data);
      const where = { file: at.file, row: at.row };
      const problem = (d: Diagnostic, action: CellProblem['action']) => {
        const shown = shielded(d, confidential);
        return cellProblemOf(shown, row, where, company, action, say, shown === d ? row.cellAt(d.path)?.value : undefined);
      };
      const checked = await resolveRow(row, defs, { questionnaire: req.questionnaire, onBadCell: req.onBadCell }, (d) => cells.push(problem(d, 'blanked')));
      if ('answers' in checked.loaded && checked.loaded.answers) {
        // the table reader's own warnings about a cell (0.6 in a column in percent…), as a run lists them
        for (const d of checked.warnings) cells.push(problem(d, 'kept'));
        const { questionnaire: rowQ, answers } = checked.loaded;
        // a value outside its plausible range: kept in the company row, left out of the regional figures
        for (const d of implausibleWarnings(implausibleAnswers(rowQ, answers), row)) cells.push(problem(d, 'excluded'));
        // a contradiction between answers: listed, the row kept (the checks read the plant's indicators, not its score)
        const checks = await defs.checksFor(rowQ);
        for (const d of contradictions(checks, rowQ, answers, row, computeIndicators(rowQ, answers, targets))) cells.push(problem(d, 'kept'));
        return;
      }
      rejectedRows.set(at.file, (rejectedRows.get(at.file) ?? 0) + 1);
      for (const d of checked.loaded.diagnostics) if (d.severity === 'error') cells.push(problem(d, 'rejected'));
    };
    const tables = await previewTables(it.path, it.shown, kind, q, req.tableLimits, map, visit);
    for (const { file, preview: p } of tables) {
      if (!('roles' in p)) {
        // (a sheet skipped beside others read is a warning; a file none of whose tables can be read, an error)
        result.tables.push({ file, problems: p.diagnostics });
        if (p.diagnostics.some((d) => d.severity === 'error')) result.errors = true;
        continue;
      }
      const errs = p.diagnostics.filter((d) => d.severity === 'error');
      if (errs.length) result.errors = true;
      const own = cells.filter((c) => c.file === file);
      result.tables.push({
        file,
        headerLine: p.headerLine,
        rows: p.rows,
        columns: p.roles.map((r) => {
          const note = optionsOf(r);
          return { letter: columnLetter(r.col), header: r.header, target: targetOf(r), ...(note ? { note } : {}) };
        }),
        unmapped: p.unmapped.map((u) => ({ letter: columnLetter(u.col), header: u.header })),
        lost: p.lost,
        unmatched: [...p.unmatched].map(([id, m]) => ({ id, labels: [...m].map(([label, rows]) => ({ label, rows })) })),
        problems: p.diagnostics,
        cells: own,
        rejectedRows: rejectedRows.get(file) ?? 0,
      });
    }
    if ([...rejectedRows.values()].some((n) => n > 0)) result.errors = true;
  }
  return result;
}
