import { diag, type Diagnostic } from '../../core/diagnostics.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import { RESPONDENT_FIELDS } from '../../core/types.js';
import { cellText, type CellValue } from './cells.js';

/** What one table column holds. */
export type ColumnRole =
  | { kind: 'questionnaire' | 'version' | 'retrofit_year' | 'ignore'; col: number; header: string }
  | { kind: 'respondent'; field: string; col: number; header: string }
  | { kind: 'answer'; id: string; col: number; header: string }
  /** One column per option of a multiple-choice question (survey exports): a ticked cell adds the option. */
  | { kind: 'option'; id: string; option: string; col: number; header: string };

/** A validated survey map (see map-file.ts), in a form that can cross to a worker thread. */
export interface SurveyMap {
  file: string;
  questionnaire?: string;
  headerRow: number;
  blank: string[];
  /** Normalised header → target. */
  columns: [string, MapTarget][];
  /** question id or respondent field → normalised label → value */
  values: Record<string, Record<string, string>>;
}
export type MapTarget = string | { question: string; option: string };

export const TABLE_FIELDS = new Set<string>([...RESPONDENT_FIELDS, 'retrofit_year', 'questionnaire', 'version']);

/** Headers compare after NFKC, trimming and collapsing spaces; survey numbering ("3、", "Q3.") may be dropped. */
export function normaliseHeader(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, ' ').trim();
}
export function stripNumbering(h: string): string {
  return h.replace(/^(?:Q?\d+(?:\.\d+)*\s*[.、:)\]]\s*|\(\d+\)\s*|\d+\s+)/i, '').trim();
}

export function targetRole(target: MapTarget, col: number, header: string): ColumnRole {
  if (typeof target !== 'string') return { kind: 'option', id: target.question, option: target.option, col, header };
  if (target === 'ignore') return { kind: 'ignore', col, header };
  if (target === 'questionnaire' || target === 'version' || target === 'retrofit_year') return { kind: target, col, header };
  const field = target.startsWith('respondent.') ? target.slice('respondent.'.length) : target;
  if ((RESPONDENT_FIELDS as readonly string[]).includes(field)) return { kind: 'respondent', field, col, header };
  return { kind: 'answer', id: target, col, header };
}

/**
 * Decide what each column holds: a map entry when a --map is given, else the header itself as a respondent field
 * or question id. Unknown and duplicate columns give warnings located on the header cell.
 */
export function resolveColumns(header: readonly CellValue[], q: Questionnaire, file: string, headerRow: number, map?: SurveyMap): { roles: ColumnRole[]; diagnostics: Diagnostic[] } {
  const ds: Diagnostic[] = [];
  const roles: ColumnRole[] = [];
  const seen = new Map<string, number>();
  const mapExact = new Map(map?.columns ?? []);
  const mapStripped = new Map((map?.columns ?? []).map(([h, t]) => [stripNumbering(h), t]));
  const used = new Set<string>();
  header.forEach((cell, i) => {
    const col = i + 1;
    const raw = normaliseHeader(cellText(cell));
    if (raw === '') return;
    let role: ColumnRole | undefined;
    const mapped = mapExact.get(raw) ?? mapStripped.get(stripNumbering(raw));
    if (mapped !== undefined) {
      role = targetRole(mapped, col, raw);
      used.add(mapExact.has(raw) ? raw : [...mapExact.keys()].find((k) => stripNumbering(k) === stripNumbering(raw))!);
    } else {
      const id = raw.startsWith('respondent.') ? raw.slice('respondent.'.length) : raw;
      if (TABLE_FIELDS.has(id) || q.byId.has(id)) role = targetRole(id, col, raw);
      else if (TABLE_FIELDS.has(id.toLowerCase()) || q.byId.has(id.toLowerCase())) role = targetRole(id.toLowerCase(), col, raw);
    }
    if (!role) {
      if (!map) ds.push(diag('table.unknown-column', file, { line: headerRow, column: col }, { name: raw, questionnaire: q.def.id }, 'warning'));
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
  // A table that matches some of the map's headers is a survey export: say which map entries found no column.
  if (used.size > 0) for (const [h] of map?.columns ?? []) if (!used.has(h)) ds.push(diag('map.header-missing', file, { line: headerRow, column: 1 }, { header: h }, 'warning'));
  return { roles, diagnostics: ds };
}
