import { diag, type Diagnostic } from '../../core/diagnostics.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import { RESPONDENT_FIELDS } from '../../core/types.js';
import { cellText, type CellValue } from './cells.js';

/** How the numbers of a column are written: percent (2.9 = 2.9 %), permille, or fractions (0.029). */
export type CellUnit = 'percent' | 'permille' | 'fraction';

/** Per-column reading options from a survey map. */
export interface ColumnOptions {
  /** Separator between the choices of a multiple-choice cell (one of them, exactly as written). */
  separator?: string;
  unit?: CellUnit;
  /** True when the unit was read from the header ("（%）"), not from the map. */
  unitFromHeader?: boolean;
  /** Numbers are multiplied by this (a column in 元 for a question in 万元: 0.0001). */
  scale?: number;
  /** Cells that mean "no answer" in this column only. */
  blank?: string[];
}

/** What one table column holds. */
export type ColumnRole = (
  | { kind: 'questionnaire' | 'version' | 'retrofit_year' | 'ignore'; col: number; header: string }
  | { kind: 'respondent'; field: string; col: number; header: string }
  | { kind: 'answer'; id: string; col: number; header: string }
  /** One column per option of a multiple-choice question (survey exports): a ticked cell adds the option. */
  | { kind: 'option'; id: string; option: string; col: number; header: string }
) & { opts?: ColumnOptions };

/** One map entry: the header as written in the map, and what its column holds. */
export interface MapColumn {
  /** The header as written in the map file. */
  header: string;
  /** headerKey(header) */
  key: string;
  /** A respondent field, question id, retrofit_year/questionnaire/version, or ignore. */
  target: string;
  option?: string;
  opts?: ColumnOptions;
}

/** A validated survey map (see map-file.ts), in a form that can cross to a worker thread. */
export interface SurveyMap {
  file: string;
  questionnaire?: string;
  headerRow: number;
  blank: string[];
  columns: MapColumn[];
  /** question id or respondent field → labelKey(label) → value ('' = no answer) */
  values: Record<string, Record<string, string>>;
}

export const TABLE_FIELDS = new Set<string>([...RESPONDENT_FIELDS, 'retrofit_year', 'questionnaire', 'version']);

/** Headers compare after NFKC (full-width → half-width), without spaces, case folded. */
export function normaliseHeader(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, ' ').trim();
}
export const headerKey = (h: string) => h.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
/** Labels compare the same way: "二维 CAD" = "二维CAD" = "二维ＣＡＤ". */
export const labelKey = headerKey;

export function stripNumbering(h: string): string {
  return h.replace(/^(?:Q?\d+(?:\.\d+)*\s*[.、:)\]．]\s*|\(\d+\)\s*|\d+\s+)/i, '').trim();
}

export function targetRole(target: string, col: number, header: string, option?: string, opts?: ColumnOptions): ColumnRole {
  const o = opts && Object.keys(opts).length ? { opts } : {};
  if (option !== undefined) return { kind: 'option', id: target, option, col, header, ...o };
  if (target === 'ignore') return { kind: 'ignore', col, header };
  if (target === 'questionnaire' || target === 'version' || target === 'retrofit_year') return { kind: target, col, header, ...o };
  const field = target.startsWith('respondent.') ? target.slice('respondent.'.length) : target;
  if ((RESPONDENT_FIELDS as readonly string[]).includes(field)) return { kind: 'respondent', field, col, header, ...o };
  return { kind: 'answer', id: target, col, header, ...o };
}

/** A percent question whose header says "%" and whose map entry names no unit is read in percent (2.9 = 2.9 %). */
const PERCENT_HEADER = /[%％]|百分比|百分数/;

export interface ResolvedColumns {
  roles: ColumnRole[];
  diagnostics: Diagnostic[];
  /** Headers of the table that no map entry names (exports carry 序号, IP, …): ignored. */
  unmapped: { col: number; header: string }[];
  /** Map entries that found their column. */
  matched: number;
}

/**
 * Decide what each column holds: a map entry when a --map is given, else the header itself as a respondent field
 * or question id. Unknown and duplicate columns give warnings located on the header cell. When the table is an
 * export the map was written for (at least one of its headers matches), a map entry whose column is missing is an
 * error: its question would silently stay unanswered.
 */
export function resolveColumns(header: readonly CellValue[], q: Questionnaire, file: string, headerRow: number, map?: SurveyMap): ResolvedColumns {
  const ds: Diagnostic[] = [];
  const roles: ColumnRole[] = [];
  const unmapped: { col: number; header: string }[] = [];
  const seen = new Map<string, number>();
  const exact = new Map<string, MapColumn>();
  const stripped = new Map<string, MapColumn>();
  for (const c of map?.columns ?? []) {
    exact.set(c.key, c);
    stripped.set(headerKey(stripNumbering(c.header.normalize('NFKC'))), c);
  }
  const used = new Set<MapColumn>();
  header.forEach((cell, i) => {
    const col = i + 1;
    const written = cellText(cell).trim();
    const raw = normaliseHeader(written);
    if (raw === '') return;
    let role: ColumnRole | undefined;
    const entry = exact.get(headerKey(raw)) ?? stripped.get(headerKey(stripNumbering(raw)));
    if (entry !== undefined) {
      used.add(entry);
      let opts = entry.opts;
      const question = q.byId.get(entry.target);
      if (question?.type === 'percent' && opts?.unit === undefined && PERCENT_HEADER.test(raw)) opts = { ...opts, unit: 'percent', unitFromHeader: true };
      role = targetRole(entry.target, col, written, entry.option, opts);
    } else {
      const id = raw.startsWith('respondent.') ? raw.slice('respondent.'.length) : raw;
      if (TABLE_FIELDS.has(id) || q.byId.has(id)) role = targetRole(id, col, raw);
      else if (TABLE_FIELDS.has(id.toLowerCase()) || q.byId.has(id.toLowerCase())) role = targetRole(id.toLowerCase(), col, raw);
    }
    if (!role) {
      if (!map) ds.push(diag('table.unknown-column', file, { line: headerRow, column: col }, { name: raw, questionnaire: q.def.id }, 'warning'));
      else unmapped.push({ col, header: written });
      return;
    }
    if (role.kind === 'ignore') return;
    const key = role.kind === 'option' ? `${role.id}:${role.option}` : role.kind === 'answer' ? role.id : role.kind === 'respondent' ? role.field : role.kind;
    const first = seen.get(key);
    if (first !== undefined) {
      ds.push(diag('table.duplicate-column', file, { line: headerRow, column: col }, { name: key, first, second: col }, 'warning'));
      return;
    }
    seen.set(key, col);
    roles.push(role);
  });
  if (used.size > 0) {
    for (const c of map?.columns ?? []) {
      if (used.has(c)) continue;
      // An `ignore` entry with no column is harmless; any other would leave its field or question unanswered.
      ds.push(diag('map.header-missing', file, { line: headerRow, column: 1 }, { header: c.header, target: c.option ? `${c.target}:${c.option}` : c.target }, c.target === 'ignore' ? 'warning' : 'error'));
    }
  }
  return { roles, diagnostics: ds, unmapped, matched: used.size };
}
