import path from 'node:path';
import { confirmationKey, findingDiagnostics, reviewAnswers, reviewFindings, type CheckFinding, type CheckSet } from '../core/checks.js';
import { completeness } from '../core/completeness.js';
import { diag, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { evidenceDiagnostics } from '../core/evidence.js';
import { sectorNeedsWarning, sectorWarning, type CompiledSectorPack } from '../core/sector.js';
import type { Source } from '../core/source.js';
import type { Answers } from '../core/answers.js';
import type { Questionnaire } from '../core/questionnaire.js';
import { loadAnswerFile, resolveSource, type LoadedAnswers } from '../io/answer-file.js';
import type { Definitions } from '../io/definitions.js';
import { kindOf } from '../io/expand-inputs.js';
import { TABLE_EXTENSIONS } from '../io/file-kind.js';
import { displayPath } from '../io/paths.js';
import { tableLimitsFrom } from '../io/tables/limits.js';
import { loadSurveyMap } from '../io/tables/map-file.js';
import { readTableInput, tableKindOf } from '../io/tables/table-input.js';
import { rejectionOf } from './batch/inputs.js';
import { isRowSource, resolveRow } from './batch/row-check.js';
import { sectorsFor } from './sectors.js';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  completeness?: number;
  /** Consistency checks that fired and answers outside their plausible range (also among the diagnostics). */
  findings?: CheckFinding[];
}

export interface ValidateRequest {
  /** The files are definitions (questionnaire, targets, rules…), not answer files. */
  definition?: boolean | undefined;
  questionnaire?: string | undefined;
  /** Survey-export mapping for CSV/XLSX tables. */
  map?: string | undefined;
  maxRows?: number | undefined;
  maxFileSize?: number | undefined;
  /** Warn where a requirement answered fully or mostly has no evidence record. */
  requireEvidence?: boolean | undefined;
}

/** `zhizao validate`: every problem of every file, as located diagnostics. */
export async function validateFiles(defs: Definitions, files: string[], req: ValidateRequest): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    if (req.definition) {
      results.push({ file: displayPath(file), diagnostics: await defs.validateDefinition(file) });
      continue;
    }
    if (TABLE_EXTENSIONS.has(path.extname(file).toLowerCase())) {
      results.push(await validateTable(defs, file, req));
      continue;
    }
    const loaded = await loadAnswerFile(file, defs, req.questionnaire, 'validate');
    const r: FileResult = { file: displayPath(file), diagnostics: sortDiagnostics(loaded.diagnostics) };
    if ('answers' in loaded && loaded.answers) {
      const { questionnaire: q, answers, source } = loaded;
      r.completeness = completeness(q, answers).share;
      const checks = await defs.checksFor(q);
      const { open, confirmed } = reviewFindings(checks, q, answers, { source });
      r.findings = open;
      r.diagnostics = sortDiagnostics([
        ...loaded.diagnostics,
        ...findingDiagnostics(r.findings, source.file),
        ...evidenceDiagnostics(q, answers, source, { require: Boolean(req.requireEvidence) }),
        // the report would state no assessment date, and its number and cover would carry the day it is made
        ...(answers.file.respondent.date ? [] : [diag('answers.date-missing', source.file, source.locate(['respondent']), {}, 'warning', ['respondent'])]),
        ...(await sectorWarningAt(answers.file.respondent.sector, () => sectorsFor(defs, q), source)),
        ...confirmationWarnings(checks, q, answers, confirmed, source),
      ]);
    }
    results.push(r);
  }
  return results;
}

/** A sector written in words (the generic plan follows): which code to write instead, the likeliest when its words name one. */
async function sectorWarningAt(sector: string | undefined, packs: () => Promise<readonly CompiledSectorPack[]>, source: Source): Promise<Diagnostic[]> {
  // (the sector packs are read only for a sector in words: a code, the usual case, costs validate nothing)
  if (!sectorNeedsWarning(sector)) return [];
  const w = sectorWarning(await packs(), sector!);
  return [diag(w.code, source.file, source.locate(['respondent', 'sector']), { ...w.args, field: 'respondent.sector' }, 'warning', ['respondent', 'sector'])];
}

/** A CSV/XLSX table or Excel form: every row is checked like an answer file. */
async function validateTable(defs: Definitions, file: string, req: ValidateRequest): Promise<FileResult> {
  const shown = displayPath(file);
  // spreadsheets zhizao does not read: batch's own rejection, in the same words (save as .xlsx, or .xlsx or .csv)
  const rejected = rejectionOf(kindOf(file), file);
  if (rejected) return { file: shown, diagnostics: [diag(rejected.code, shown, { line: 1, column: 1 }, rejected.args)] };
  const kind = tableKindOf(file);
  if (!kind) return { file: shown, diagnostics: [diag('input.unsupported', shown, { line: 1, column: 1 }, { ext: path.extname(file).toLowerCase() })] };
  const q = await defs.questionnaire(req.questionnaire);
  const map = req.map ? await loadSurveyMap(req.map, q, (f) => defs.source(f)) : undefined;
  const ds: Diagnostic[] = [];
  try {
    for await (const ev of readTableInput(file, shown, kind, { q, defaultQuestionnaire: q.def.id, ...(map ? { map } : {}), limits: tableLimitsFrom(req) })) {
      if (ev.type === 'row') {
        // a table row as batch reads it (row-check.ts): a cell the table reader explained is said in its words, and the
        // reader's own warnings about a cell (0.6 in a column in percent…) are listed as a run lists them
        const row = isRowSource(ev.source) ? ev.source : undefined;
        const checked = row ? await resolveRow(row, defs, { questionnaire: req.questionnaire }) : undefined;
        const r = checked ? checked.loaded : await resolveSource(ev.source, defs, req.questionnaire);
        const sheetOf = ev.sheetOf;
        const rowDs = [...r.diagnostics, ...(checked?.warnings ?? [])];
        const loaded = 'answers' in r && r.answers ? (r as LoadedAnswers) : undefined;
        if (loaded?.answers) {
          // Each row is a plant: the same checks, plausibility and evidence rules as an answer file, at its cells.
          rowDs.push(...findingDiagnostics(reviewAnswers(await defs.checksFor(loaded.questionnaire), loaded.questionnaire, loaded.answers, { source: loaded.source }), loaded.source.file));
          rowDs.push(...evidenceDiagnostics(loaded.questionnaire, loaded.answers, loaded.source, { require: Boolean(req.requireEvidence) }));
        }
        ds.push(...(sheetOf ? rowDs.map((d) => ({ ...d, file: `${d.file}[${sheetOf(d.path)}]` })) : rowDs));
      } else if ('diagnostics' in ev) ds.push(...ev.diagnostics);
    }
  } catch (e) {
    // A workbook whose parts are corrupt fails inside the spreadsheet library: unreadable, not an internal error.
    if (kind !== 'xlsx') throw e;
    ds.push(diag('xlsx.unreadable', shown, { line: 1, column: 1 }, { detail: (e as Error).message.split('\n')[0]! }));
  }
  return { file: shown, diagnostics: sortDiagnostics(ds) };
}

/**
 * The file's `confirmed` entries that confirm nothing: a key that is neither a check nor a question with a plausible
 * range (misspelt), or a finding these answers no longer raise (the answers changed since it was checked).
 */
function confirmationWarnings(checks: readonly CheckSet[], q: Questionnaire, answers: Answers, confirmed: readonly { finding: CheckFinding }[], source: Source): Diagnostic[] {
  const keys = Object.keys(answers.file.confirmed ?? {});
  if (!keys.length) return [];
  const checkIds = new Set(checks.flatMap((set) => set.checks.map((c) => c.def.id)));
  const raised = new Set(confirmed.map(({ finding }) => confirmationKey(finding)));
  const out: Diagnostic[] = [];
  for (const key of keys) {
    if (raised.has(key)) continue;
    const known = checkIds.has(key) || q.byId.get(key)?.plausible !== undefined;
    out.push(diag(known ? 'answers.confirmed-not-raised' : 'answers.confirmed-unknown', source.file, source.locate(['confirmed', key]), { key }, 'warning', ['confirmed', key]));
  }
  return out;
}

