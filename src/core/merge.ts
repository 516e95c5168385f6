/**
 * Merge the answer files of several interviewees of one plant (`zhizao merge`, `score --merge`).
 * Pure: answers are compared after normalisation; conflicts are listed, never silently resolved.
 */
import { bilingual, formatMessage, type MessageArgs, type MessageCode } from '../messages/catalogue.js';
import { normaliseAnswer, type Resolved } from './answer-value.js';
import { normaliseCreditCode, normaliseName } from './plant-identity.js';
import type { Questionnaire } from './questionnaire.js';
import { noteText, type AnswerFile, type AnswerValue, type Evidence, type Note, type Lang, type Respondent, type Text } from './types.js';
import { compareVersions } from './versions.js';

export interface MergeInput {
  /** How the file is named in notes and messages (the path as the user gave it). */
  name: string;
  data: AnswerFile;
}

export interface MergeConflict {
  /** `answers.<id>`, `respondent.<field>`, `kpis.period` or `kpis.units.<kpi>`. */
  field: string;
  /** The question id, for answer conflicts. */
  question?: string;
  /** Each file's value (normalised for answers), in input order. */
  values: { file: string; value: unknown }[];
  /** Resolved by --prefer. */
  resolved: boolean;
  /** The file whose value was taken (resolved conflicts, and required fields that must keep a value). */
  chosen?: string;
}

export interface MergeProblem {
  severity: 'error' | 'warning';
  code: MessageCode;
  message: Text;
}

export interface MergeResult {
  merged: AnswerFile;
  conflicts: MergeConflict[];
  problems: MergeProblem[];
}

/** Relative tolerance for equal numbers (0.143 typed as 14.3 % divides to a neighbouring float). */
const NUMBER_TOLERANCE = 1e-9;

const UNANSWERED: Resolved = { status: 'unanswered', value: null };

function resolveRaw(q: Questionnaire | undefined, id: string, raw: unknown): Resolved | { error: string } {
  const question = q?.byId.get(id);
  if (question) {
    const n = normaliseAnswer(question, raw);
    return 'error' in n ? { error: n.error } : n;
  }
  // A question this questionnaire does not know: keep the raw value, compare it as it is.
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return UNANSWERED;
  if (Array.isArray(raw) && raw.length === 0) return UNANSWERED;
  return { status: 'answered', value: raw as AnswerValue };
}

/** The value written to the merged file for a resolved answer. */
export function canonicalAnswer(r: Resolved): AnswerValue {
  if (r.status === 'unknown') return 'unknown';
  if (r.status === 'na') return 'n/a';
  return r.value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= NUMBER_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'string' && typeof b === 'string') return a.normalize('NFC').trim() === b.normalize('NFC').trim();
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const sa = [...a].map(String).sort();
    const sb = [...b].map(String).sort();
    return sa.every((x, i) => x === sb[i]);
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return stableJson(a) === stableJson(b);
  return a === b;
}

export function sameResolved(a: Resolved, b: Resolved): boolean {
  return a.status === b.status && (a.status !== 'answered' || sameValue(a.value, b.value));
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const showValue = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

type Args = MessageArgs | ((lang: Lang) => MessageArgs);
const problem = (severity: MergeProblem['severity'], code: MessageCode, args: Args = {}): MergeProblem => ({ severity, code, message: bilingual(code, args) });
/** A list inside a message, with the separator of each language. */
const listed = (items: string[]) => (lang: Lang) => items.join(formatMessage('merge.list-separator', {}, lang));

/** The plant a file names, for messages. */
const plantLabel = (r: Respondent) => [r.credit_code, r.company, r.site].filter((x) => x && String(x).trim() !== '').join(' / ') || '—';

/**
 * Merge answer files of one plant. Answers given once are taken; equal answers (after normalisation) are taken
 * once; `unknown` yields to a real answer; different answers are conflicts, resolved only by `prefer` (a file
 * name), otherwise left unanswered with the candidate values in the question's note.
 */
export function mergeAnswerFiles(files: MergeInput[], questionnaire?: Questionnaire, prefer?: string): MergeResult {
  const conflicts: MergeConflict[] = [];
  const problems: MergeProblem[] = [];
  if (files.length === 0) {
    problems.push(problem('error', 'merge.no-files'));
    return { merged: { questionnaire: questionnaire?.def.id ?? '', respondent: { company: '', industry: 'discrete' }, answers: {} }, conflicts, problems };
  }
  if (prefer !== undefined && !files.some((f) => f.name === prefer)) {
    problems.push(problem('error', 'merge.prefer-unknown', { file: prefer }));
  }
  const preferred = prefer !== undefined && files.some((f) => f.name === prefer) ? prefer : undefined;

  // questionnaire and version
  const qids = [...new Set(files.map((f) => f.data.questionnaire))];
  if (qids.length > 1) {
    problems.push(problem('error', 'merge.questionnaire-mismatch', (lang) => ({ list: listed(qids)(lang) })));
  }
  const versions = [...new Set(files.map((f) => f.data.version).filter((v): v is string => v !== undefined))];
  const version = versions.length ? versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b)) : undefined;
  if (versions.length > 1) {
    problems.push(problem('warning', 'merge.version-mismatch', (lang) => ({ list: listed(versions)(lang), version: version ?? '' })));
  }

  const respondent = mergeRespondent(files, preferred, conflicts, problems);

  // answers
  const answers: Record<string, AnswerValue> = {};
  const conflictNotes = new Map<string, string>();
  const ids = orderedIds(files.map((f) => Object.keys(f.data.answers ?? {})), questionnaire);
  for (const id of ids) {
    const candidates: { file: string; r: Resolved }[] = [];
    for (const f of files) {
      const raw = f.data.answers?.[id];
      const r = resolveRaw(questionnaire, id, raw);
      if ('error' in r) {
        problems.push(problem('error', 'merge.invalid-answer', { file: f.name, id, value: showValue(raw) }));
        continue;
      }
      if (r.status !== 'unanswered') candidates.push({ file: f.name, r });
    }
    if (candidates.length === 0) continue;
    // "unknown" says nobody in that interview knew: another interviewee's answer fills it.
    const known = candidates.filter((c) => c.r.status !== 'unknown');
    const pool = known.length ? known : candidates;
    const groups: { r: Resolved; files: string[] }[] = [];
    for (const c of pool) {
      const g = groups.find((x) => sameResolved(x.r, c.r));
      if (g) g.files.push(c.file);
      else groups.push({ r: c.r, files: [c.file] });
    }
    if (groups.length === 1) {
      answers[id] = canonicalAnswer(groups[0]!.r);
      continue;
    }
    const values = pool.map((c) => ({ file: c.file, value: canonicalAnswer(c.r) }));
    const win = preferred !== undefined ? pool.find((c) => c.file === preferred) : undefined;
    if (win) {
      answers[id] = canonicalAnswer(win.r);
      conflicts.push({ field: `answers.${id}`, question: id, values, resolved: true, chosen: win.file });
    } else {
      conflicts.push({ field: `answers.${id}`, question: id, values, resolved: false });
      conflictNotes.set(id, `${formatMessage('merge.conflict-note', {}, 'zh')} / ${formatMessage('merge.conflict-note', {}, 'en')} — ${values.map((v) => `${v.file}: ${showValue(v.value)}`).join('; ')}`);
    }
  }

  // Notes: concatenated, each part named by its file. Client-visible parts stay client-visible; internal parts
  // (and the conflict note, the consultant's working material) go to the internal part of the merged note.
  const notes: Record<string, Note> = {};
  const noteIds = orderedIds([...files.map((f) => Object.keys(f.data.notes ?? {})), [...conflictNotes.keys()]], questionnaire);
  for (const id of noteIds) {
    const parts: { text: string; files: string[]; internal: boolean }[] = [];
    const add = (file: string, text: string, internal: boolean) => {
      const same = parts.find((p) => p.text.trim() === text.trim() && p.internal === internal);
      if (same) same.files.push(file);
      else parts.push({ text, files: [file], internal });
    };
    for (const f of files) {
      const raw = f.data.notes?.[id];
      const n = noteText(raw);
      if (n) add(f.name, n.text, n.internal);
      const extra = raw && typeof raw === 'object' ? raw.internal_text : undefined;
      if (extra?.trim()) add(f.name, extra, true);
    }
    const lines = (internal: boolean) => parts.filter((p) => p.internal === internal).map((p) => `[${p.files.join(', ')}] ${p.text}`);
    const visible = lines(false);
    const internal = lines(true);
    const c = conflictNotes.get(id);
    if (c) internal.push(c);
    if (!visible.length && !internal.length) continue;
    if (!internal.length) notes[id] = visible.join('\n');
    else if (!visible.length) notes[id] = { text: internal.join('\n'), internal: true };
    else notes[id] = { text: visible.join('\n'), internal_text: internal.join('\n') };
  }

  const evidence = mergeEvidence(files, preferred, questionnaire, problems);
  const kpis = mergeKpis(files, preferred, conflicts);
  const overrides = mergeOverrides(files, preferred, problems);
  // findings an assessor confirmed in any file stay confirmed; two different notes on one are both kept
  const confirmed: Record<string, string> = {};
  for (const f of files) {
    for (const [key, note] of Object.entries(f.data.confirmed ?? {})) {
      if (typeof note !== 'string' || !note.trim()) continue;
      const had = confirmed[key];
      confirmed[key] = had === undefined || had === note.trim() ? note.trim() : `${had}；${note.trim()}`;
    }
  }

  const merged: AnswerFile = {
    questionnaire: files[0]!.data.questionnaire,
    ...(version !== undefined ? { version } : {}),
    respondent,
    answers,
    ...(Object.keys(notes).length ? { notes } : {}),
    ...(evidence ? { evidence } : {}),
    ...(kpis ? { kpis } : {}),
    ...(Object.keys(confirmed).length ? { confirmed } : {}),
    ...(overrides ? { overrides } : {}),
  };
  return { merged, conflicts, problems };
}

function orderedIds(lists: string[][], q: Questionnaire | undefined): string[] {
  const all = [...new Set(lists.flat())];
  const order = new Map((q?.questions ?? []).map((x, i) => [x.id, i]));
  return all.sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
}

/** One value for a field seen in several files: agreed, preferred, or a conflict. */
function pickField<T>(
  field: string,
  entries: { file: string; value: T | undefined }[],
  preferred: string | undefined,
  conflicts: MergeConflict[],
  opts: { required?: boolean; same?: (a: T, b: T) => boolean } = {},
): T | undefined {
  const same = opts.same ?? ((a: T, b: T) => sameValue(a, b));
  const present = entries.filter((e): e is { file: string; value: T } => e.value !== undefined && e.value !== null && !(typeof e.value === 'string' && e.value.trim() === ''));
  if (present.length === 0) return undefined;
  const distinct: T[] = [];
  for (const e of present) if (!distinct.some((d) => same(d, e.value))) distinct.push(e.value);
  if (distinct.length === 1) return present[0]!.value;
  const values = present.map((e) => ({ file: e.file, value: e.value as unknown }));
  const win = preferred !== undefined ? present.find((e) => e.file === preferred) : undefined;
  if (win) {
    conflicts.push({ field, values, resolved: true, chosen: win.file });
    return win.value;
  }
  if (opts.required) {
    // A required field cannot be left empty: the first file's value stands, and the conflict stays open.
    conflicts.push({ field, values, resolved: false, chosen: present[0]!.file });
    return present[0]!.value;
  }
  conflicts.push({ field, values, resolved: false });
  return undefined;
}

function mergeRespondent(files: MergeInput[], preferred: string | undefined, conflicts: MergeConflict[], problems: MergeProblem[]): Respondent {
  const rs = files.map((f) => ({ file: f.name, r: f.data.respondent }));
  // The plant (src/core/plant-identity.ts): credit code + site when given, else company + site; all files must name the same one.
  const codes = [...new Set(rs.map((x) => normaliseCreditCode(x.r.credit_code)).filter(Boolean))];
  const sites = [...new Set(rs.map((x) => normaliseName(x.r.site)).filter(Boolean))];
  const companies = [...new Set(rs.map((x) => normaliseName(x.r.company)).filter(Boolean))];
  const allCoded = rs.every((x) => Boolean(x.r.credit_code));
  const listing = rs.map((x) => `${x.file}: ${plantLabel(x.r)}`).join('; ');
  const mismatch = codes.length > 1 || sites.length > 1 || (companies.length > 1 && !(allCoded && codes.length === 1));
  if (mismatch) {
    problems.push(
      problem('error', 'merge.plant-mismatch', { listing }),
    );
  }
  const field = <K extends keyof Respondent>(k: K, opts: { required?: boolean } = {}) =>
    pickField<Respondent[K]>(`respondent.${k}`, rs.map((x) => ({ file: x.file, value: x.r[k] })), preferred, conflicts, { ...opts, ...(k === 'company' || k === 'site' ? { same: (a, b) => normaliseName(String(a)) === normaliseName(String(b)) } : {}) });

  const out: Respondent = { company: '', industry: rs[0]!.r.industry };
  if (!mismatch) {
    out.company = field('company', { required: true }) ?? '';
    const code = rs.find((x) => x.r.credit_code)?.r.credit_code;
    if (code) out.credit_code = code;
    const site = rs.find((x) => x.r.site && x.r.site.trim() !== '')?.r.site;
    if (site) out.site = site;
  } else {
    out.company = rs[0]!.r.company;
  }
  out.industry = field('industry', { required: true }) ?? rs[0]!.r.industry;
  for (const k of ['sector', 'district', 'park', 'region', 'above_designated_size', 'enterprise_class', 'retrofit_status'] as const) {
    const v = field(k);
    if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  }
  const assessors = [...new Set(rs.map((x) => x.r.assessor?.trim()).filter((a): a is string => Boolean(a)))];
  if (assessors.length) out.assessor = assessors.join('、');
  const interviewees: string[] = [];
  for (const x of rs) for (const i of x.r.interviewees ?? []) if (i.trim() && !interviewees.some((y) => normaliseName(y) === normaliseName(i))) interviewees.push(i);
  if (interviewees.length) out.interviewees = interviewees;
  const dates = rs.map((x) => x.r.date).filter((d): d is string => Boolean(d)).sort();
  if (dates.length) out.date = dates[dates.length - 1]!;
  return out;
}

/** Evidence records per question: agreed, or the preferred (else the first) file's, with a warning naming the others. */
function mergeEvidence(files: MergeInput[], preferred: string | undefined, q: Questionnaire | undefined, problems: MergeProblem[]): AnswerFile['evidence'] {
  const ids = orderedIds(files.map((f) => Object.keys(f.data.evidence ?? {})), q);
  const out: Record<string, Evidence> = {};
  for (const id of ids) {
    const given = files.map((f) => ({ file: f.name, e: f.data.evidence?.[id] })).filter((x): x is { file: string; e: Evidence } => Boolean(x.e));
    if (!given.length) continue;
    const chosen = given.find((x) => x.file === preferred) ?? given[0]!;
    out[id] = chosen.e;
    if (given.some((x) => stableJson(x.e) !== stableJson(chosen.e))) {
      const list = given.map((x) => `${x.file}: ${x.e.type}${x.e.ref ? ` ${x.e.ref}` : ''}`).join('; ');
      problems.push(problem('warning', 'merge.evidence-differ', { id, list, file: chosen.file }));
    }
  }
  return Object.keys(out).length ? out : undefined;
}

function mergeKpis(files: MergeInput[], preferred: string | undefined, conflicts: MergeConflict[]): AnswerFile['kpis'] {
  const period = pickField<string>('kpis.period', files.map((f) => ({ file: f.name, value: f.data.kpis?.period })), preferred, conflicts, { same: (a, b) => a.trim() === b.trim() });
  const unitIds = [...new Set(files.flatMap((f) => Object.keys(f.data.kpis?.units ?? {})))].sort();
  const units: Record<string, string> = {};
  for (const id of unitIds) {
    const u = pickField<string>(`kpis.units.${id}`, files.map((f) => ({ file: f.name, value: f.data.kpis?.units?.[id] })), preferred, conflicts, {
      same: (a, b) => a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, ''),
    });
    if (u !== undefined) units[id] = u;
  }
  if (period === undefined && Object.keys(units).length === 0) return undefined;
  return { ...(period !== undefined ? { period } : {}), ...(Object.keys(units).length ? { units } : {}) };
}

function mergeOverrides(files: MergeInput[], preferred: string | undefined, problems: MergeProblem[]): AnswerFile['overrides'] {
  const withOverrides = files.filter((f) => f.data.overrides && Object.keys(f.data.overrides).length > 0);
  if (withOverrides.length === 0) return undefined;
  const distinct = new Set(withOverrides.map((f) => stableJson(f.data.overrides)));
  const chosen = withOverrides.find((f) => f.name === preferred) ?? withOverrides[0]!;
  if (distinct.size > 1) {
    problems.push(problem('warning', 'merge.overrides-differ', { file: chosen.name }));
  }
  return chosen.data.overrides;
}

/** Conflicts still open (exit 1 from `zhizao merge`). */
export const openConflicts = (conflicts: readonly MergeConflict[]) => conflicts.filter((c) => !c.resolved);
