import type { MessageCode } from '../messages/catalogue.js';
import { diag, type Diagnostic } from './diagnostics.js';
import { checkExpression } from './expression/check.js';
import type { Node } from './expression/parse.js';
import { plantRuleContext, type RuleContextIds } from './rule-context.js';
import type { Source } from './source.js';
import type { Text } from './types.js';

export interface CriterionDef {
  id: string;
  kind?: 'check' | 'kpi-gain';
  title: Text;
  description?: Text;
  when?: string;
  /** When `when` does not hold but the answers show the criterion mostly met: reported so, not counted as met. */
  mostlyWhen?: string;
  kpis?: string[];
  /** Rests on confidential answers (security weaknesses): withheld in the programme office's report (counted, never as met). */
  confidential?: boolean;
}
export interface ReadinessDef {
  kind: 'readiness';
  id: string;
  title: Text;
  source?: string;
  /** What the criteria are worth today (e.g. taken from an expired plan), shown with them. */
  note?: Text;
  criteria: CriterionDef[];
}
export interface ReadinessProfile {
  def: ReadinessDef;
  criteria: { def: CriterionDef; when?: Node; mostlyWhen?: Node }[];
}

export function compileReadiness(source: Source, ids: RuleContextIds): { readiness?: ReadinessProfile; diagnostics: Diagnostic[] } {
  const def = source.data as ReadinessDef;
  const ds: Diagnostic[] = [];
  const ctx = plantRuleContext(ids);
  const seen = new Set<string>();
  // Every criterion with the same keys in the same order (absent conditions undefined): readinessVerdict reads them in a
  // loop that stops at the first unmet one, and a criterion of another shape met only at a rare plant would be a new
  // map for its optimised code.
  const criteria: ReadinessProfile['criteria'] = [];
  def.criteria.forEach((c, i) => {
    const at = (path: (string | number)[], code: MessageCode, args: Record<string, string | number> = {}) =>
      ds.push(diag(code, source.file, source.locate(path), args, 'error', path));
    if (seen.has(c.id)) at(['criteria', i, 'id'], 'def.duplicate-id', { id: c.id, what: 'criterion' });
    seen.add(c.id);
    if ((c.kind ?? 'check') === 'check') {
      if (!c.when) {
        at(['criteria', i], 'schema.required', { where: `criteria.${i}`, name: 'when' });
        return;
      }
      const r = checkExpression(c.when, ctx);
      if (!r.ok) r.problems.forEach((p) => at(['criteria', i, 'when'], p.code, { ...p.args, offset: p.offset + 1 }));
      const m = c.mostlyWhen === undefined ? undefined : checkExpression(c.mostlyWhen, ctx);
      if (m && !m.ok) m.problems.forEach((p) => at(['criteria', i, 'mostlyWhen'], p.code, { ...p.args, offset: p.offset + 1 }));
      if (r.ok && (!m || m.ok)) criteria.push({ def: c, when: r.ast, mostlyWhen: m?.ok ? m.ast : undefined });
    } else criteria.push({ def: c, when: undefined, mostlyWhen: undefined });
  });
  return ds.length ? { diagnostics: ds } : { readiness: { def, criteria }, diagnostics: ds };
}
