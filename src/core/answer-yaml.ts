import { createRequire } from 'node:module';
import type { Questionnaire } from './questionnaire.js';
import { RESPONDENT_FIELDS, type AnswerFile } from './types.js';

/** The `yaml` package, loaded when a file is written (merge, interview autosave), not by every command that imports this. */
let yamlModule: typeof import('yaml') | undefined;
const Y = () => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/**
 * Serialise an answer file deterministically: respondent fields in their documented order, answers and notes in
 * questionnaire order (unknown ids last), so that two saves of the same content are byte-identical.
 */
export function answerFileToYaml(file: AnswerFile, q?: Questionnaire): string {
  const order = new Map((q?.questions ?? []).map((x, i) => [x.id, i]));
  const byQuestionnaire = <T>(rec: Record<string, T> | null | undefined): Record<string, T> | undefined => {
    if (!rec) return undefined;
    const keys = Object.keys(rec).sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
    const out: Record<string, T> = {};
    for (const k of keys) out[k] = rec[k]!;
    return out;
  };
  const respondent: Record<string, unknown> = {};
  const r = file.respondent as unknown as Record<string, unknown>;
  for (const k of RESPONDENT_FIELDS) if (r[k] !== undefined) respondent[k] = r[k];
  const doc: Record<string, unknown> = { questionnaire: file.questionnaire };
  if (file.version !== undefined) doc.version = file.version;
  doc.respondent = respondent;
  doc.answers = byQuestionnaire(file.answers) ?? {};
  const notes = byQuestionnaire(file.notes);
  if (notes && Object.keys(notes).length) doc.notes = notes;
  const evidence = byQuestionnaire(file.evidence);
  if (evidence && Object.keys(evidence).length) doc.evidence = evidence;
  if (file.kpis) doc.kpis = file.kpis;
  if (file.overrides) doc.overrides = file.overrides;
  if (file.progress) doc.progress = file.progress;
  return Y().stringify(doc, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}
