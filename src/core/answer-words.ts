/**
 * A problem with one answer, in the words the plant reads: the question by its text (as asked of its industry type)
 * with its id, the options by their labels. One source for every per-answer message (reading, visibility, batch). Pure.
 */
import { bilingual, type MessageCode, type Text } from '../messages/catalogue.js';
import { diag, type Diagnostic } from './diagnostics.js';
import type { Source } from './source.js';
import type { Industry, Question } from './types.js';

/** The question's text as asked of the industry type (its variant's, when it has one). */
export const questionText = (question: Question, industry?: Industry): Text => (industry ? question.variants?.[industry]?.text : undefined) ?? question.text;

/** The question by its text with its id — 「“主要产品的关键工序共有多少道？”（key_processes_total）」 — as `{id}`'s words in each language. */
export function questionNamed(question: Question, industry?: Industry): { id_zh: string; id_en: string } {
  const text = questionText(question, industry);
  const named = bilingual('answer.question', (lang) => ({ question: text[lang], id: question.id }));
  return { id_zh: named.zh, id_en: named.en };
}

export function valueDiag(source: Source, question: Question, industry: Industry | undefined, n: { error: MessageCode; args: Record<string, string | number>; at?: number }): Diagnostic {
  const id = question.id;
  const path = n.at === undefined ? ['answers', id] : ['answers', id, n.at];
  return diag(n.error, source.file, source.locate(path), answerWords(question, industry, n.error, n.args), 'error', path);
}

/**
 * A per-answer problem's args in words, in both languages: the question by its text (as asked of the plant's
 * industry type) with its id — 「“主要产品的关键工序共有多少道？”（key_processes_total）」 — in `id_zh` / `id_en` (and
 * `field_*`, which a number's reading names it by), its text alone in `question_zh` / `question_en` (a table names
 * the cell's column beside it); the allowed options by their labels with the value a file writes (`allowed_*`), and
 * by their labels alone (`labels_*`, what a table cell takes); a choice that cannot be combined by its label.
 */
export function answerWords(question: Question, industry: Industry | undefined, code: MessageCode, args: Record<string, string | number>): Record<string, string | number> {
  const { id: _id, field, allowed: _allowed, ...rest } = args;
  const text = questionText(question, industry);
  const named = questionNamed(question, industry);
  const out: Record<string, string | number> = { ...rest, ...named, question_zh: text.zh, question_en: text.en };
  if (field !== undefined) Object.assign(out, { field_zh: named.id_zh, field_en: named.id_en });
  if (code === 'answer.option') {
    const sep = { zh: '、', en: ', ' };
    const list = (one: (o: NonNullable<Question['options']>[number]) => Text): Text => {
      const each = (question.options ?? []).map(one);
      return { zh: each.map((t) => t.zh).join(sep.zh), en: each.map((t) => t.en).join(sep.en) };
    };
    const requirement = question.type === 'requirement' ? bilingual('answer.allowed-requirement') : undefined;
    const allowed = requirement ?? list((o) => (question.type === 'level' && o.level !== undefined ? bilingual('answer.allowed-level', (lang) => ({ label: o.label[lang], level: o.level!, value: o.value })) : bilingual('answer.allowed-option', (lang) => ({ label: o.label[lang], value: o.value }))));
    const labels = requirement ?? list((o) => bilingual('answer.allowed-label', (lang) => ({ label: o.label[lang] })));
    Object.assign(out, { allowed_zh: allowed.zh, allowed_en: allowed.en, labels_zh: labels.zh, labels_en: labels.en });
  }
  const chosen = args.value;
  if (code === 'answer.exclusive' && typeof chosen === 'string') {
    // the choice as the plant reads it: its label, not its value
    const labelsOf = (lang: 'zh' | 'en') => chosen.split(', ').map((v) => question.options?.find((o) => o.value === v)?.label[lang] ?? v).join(lang === 'zh' ? '、' : ', ');
    delete out.value;
    Object.assign(out, { value_zh: labelsOf('zh'), value_en: labelsOf('en') });
  }
  return out;
}
