import { fillTemplate, placeholderNames } from '../messages/template.js';
import { diag, type Diagnostic } from './diagnostics.js';
import type { Source } from './source.js';
import type { Text } from './types.js';

/** A table of fixed report texts by key. */
export type WordingTable = Record<string, Text>;

/**
 * The report's fixed wording (report-templates/wording.yaml): labels, layout words, names of codes, and `phrases`
 * with `{name}` placeholders. Data a consultant may change; the keys are checked by schemas/wording.schema.json.
 */
export interface Wording {
  labels: WordingTable;
  layout: WordingTable;
  retrofitLevels: WordingTable;
  phases: WordingTable;
  industries: WordingTable;
  readinessStatus: WordingTable;
  exclusionReasons: WordingTable;
  phrases: WordingTable;
  evidenceTypes: WordingTable;
  satisfaction: WordingTable;
  modes: WordingTable;
  /** Units a plant may state for its KPIs (kpis.units), by how it writes them, with their names in both languages. */
  units?: WordingTable;
  /** Labels and phrases in a company's own voice, replacing those of the same key in a self-assessment's report. */
  selfAssessment?: { labels?: WordingTable; phrases?: WordingTable };
}

const selfVoiced = new WeakMap<Wording, Wording>();

/**
 * The wording of one report: a company assessing itself reads it in its own voice (no client, no diagnosis
 * provider to check with), the selfAssessment entries replacing those of the same key. Made once per wording.
 */
export function wordingFor(w: Wording, selfAssessment: boolean): Wording {
  if (!selfAssessment || !w.selfAssessment) return w;
  let voiced = selfVoiced.get(w);
  if (!voiced) {
    voiced = { ...w, labels: { ...w.labels, ...w.selfAssessment.labels }, phrases: { ...w.phrases, ...w.selfAssessment.phrases } };
    selfVoiced.set(w, voiced);
  }
  return voiced;
}

export type PhraseArgs = Record<string, string | number | Text>;

/** Fill a phrase's placeholders in both languages; a Text argument gives each language its own value. */
export function fill(template: Text, args: PhraseArgs = {}): Text {
  const one = (lang: 'zh' | 'en') =>
    fillTemplate(template[lang], (k) => {
      if (!Object.prototype.hasOwnProperty.call(args, k)) return undefined;
      const v = args[k]!;
      return typeof v === 'object' ? v[lang] : String(v);
    });
  return { zh: one('zh'), en: one('en') };
}

/** Join bilingual items into one Text (Chinese with 、, English with commas). */
export function joinTexts(items: readonly Text[], sep: Text = { zh: '、', en: ', ' }): Text {
  return { zh: items.map((x) => x.zh).join(sep.zh), en: items.map((x) => x.en).join(sep.en) };
}


/**
 * Checks beyond the schema: a self-assessment entry replaces the entry of the same key, so it fills the same
 * placeholders (one it lacks would drop a figure from the sentence, one it adds would print as typed).
 */
export function checkWording(source: Source): Diagnostic[] {
  const w = source.data as Wording;
  const ds: Diagnostic[] = [];
  for (const table of ['labels', 'phrases'] as const) {
    for (const [key, text] of Object.entries(w.selfAssessment?.[table] ?? {})) {
      const base = w[table][key];
      if (!base) continue; // the schema names the keys that may be replaced
      const [expected, found] = [placeholderNames(base).sort(), placeholderNames(text).sort()];
      if (expected.join() !== found.join()) {
        ds.push(diag('wording.self-placeholders', source.file, source.locate(['selfAssessment', table, key]), { table, key, expected: expected.map((p) => `{${p}}`).join(' ') || '—', found: found.map((p) => `{${p}}`).join(' ') || '—' }, 'error', ['selfAssessment', table, key]));
      }
    }
  }
  return ds;
}
