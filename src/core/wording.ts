import { fillTemplate } from '../messages/template.js';
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
