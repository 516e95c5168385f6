/**
 * Evidence records (`evidence:` beside `notes:` in an answer file): how an answer was verified — a document, a
 * system demonstration, a site observation or an interview — with an optional reference (a file, photo or document
 * name or number, never contents).
 */
import { showAnswer } from './answer-display.js';
import type { Answers } from './answers.js';
import { diag, type Diagnostic } from './diagnostics.js';
import type { Questionnaire } from './questionnaire.js';
import type { Source } from './source.js';
import { EVIDENCE_TYPES, type EvidenceRecord, type EvidenceType } from './types.js';

/** The file's evidence records for questions of the questionnaire (blank entries left out). */
export function evidenceRecords(q: Questionnaire, answers: Answers): Map<string, EvidenceRecord> {
  const out = new Map<string, EvidenceRecord>();
  for (const [id, rec] of Object.entries(answers.file.evidence ?? {})) if (rec && q.byId.has(id)) out.set(id, rec);
  return out;
}

/** Requirements answered fully or mostly, visible to this plant, with no evidence record. */
export function requirementsWithoutEvidence(q: Questionnaire, answers: Answers): string[] {
  const records = evidenceRecords(q, answers);
  return q.questions
    .filter((question) => question.type === 'requirement' && answers.visibility.get(question.id) === 'visible')
    .filter((question) => {
      const r = answers.resolved.get(question.id);
      return r?.status === 'answered' && (r.value === 'full' || r.value === 'mostly') && !records.has(question.id);
    })
    .map((question) => question.id);
}

export interface EvidenceSummary {
  /** Evidence records for questions of the questionnaire. */
  records: number;
  byType: Record<EvidenceType, number>;
  /** Visible requirements answered fully or mostly … */
  claimed: number;
  /** … and how many of them have an evidence record. */
  claimedWithEvidence: number;
}

/** Counts for a report's method section or a programme office's overview. */
export function evidenceSummary(q: Questionnaire, answers: Answers): EvidenceSummary {
  const records = evidenceRecords(q, answers);
  const byType = Object.fromEntries(EVIDENCE_TYPES.map((t) => [t, 0])) as Record<EvidenceType, number>;
  for (const r of records.values()) byType[r.type]++;
  const missing = requirementsWithoutEvidence(q, answers).length;
  const claimed = q.questions.filter((question) => {
    const r = answers.resolved.get(question.id);
    return question.type === 'requirement' && answers.visibility.get(question.id) === 'visible' && r?.status === 'answered' && (r.value === 'full' || r.value === 'mostly');
  }).length;
  return { records: records.size, byType, claimed, claimedWithEvidence: claimed - missing };
}

/**
 * Evidence problems as located warnings: records for questions the questionnaire does not have, and — when
 * `require` is set (`validate --require-evidence`) — requirements answered fully or mostly without a record.
 */
export function evidenceDiagnostics(q: Questionnaire, answers: Answers, source: Source, opts: { require?: boolean } = {}): Diagnostic[] {
  const ds: Diagnostic[] = [];
  for (const id of Object.keys(answers.file.evidence ?? {})) {
    if (!q.byId.has(id)) ds.push(diag('evidence.unknown-question', source.file, source.locate(['evidence'], id), { id }, 'warning', ['evidence', id]));
  }
  if (opts.require) {
    for (const id of requirementsWithoutEvidence(q, answers)) {
      const path = ['answers', id];
      const shown = showAnswer(q.byId.get(id), answers.resolved.get(id));
      ds.push(diag('evidence.missing', source.file, source.locate(path), { id, zh: shown.zh, en: shown.en }, 'warning', path));
    }
  }
  return ds;
}
