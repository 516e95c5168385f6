/** The report's retrofit plan: plan items, and the support schemes they point to with their validity. */
import { schemeExpired, type PolicyDef } from '../core/policy.js';
import type { Recommendation } from '../core/recommend.js';
import type { Text } from '../core/types.js';
import type { Wording } from '../core/wording.js';
import { same } from './format.js';

export interface PlanItem {
  id: string;
  title: Text;
  rationale: Text;
  /** The statements the rationale is made of, each true of the plant's answers. */
  evidence: Text[];
  retrofitLevel: Text;
  levelId: string;
  programme?: Text;
  projectType?: Text;
  phase: Text;
  phaseId: string;
  priority: number;
  measures: Text[];
  hardware: Text[];
  software: Text[];
  integration: Text[];
  investment?: string;
  benefits?: Text;
  /** Prerequisites by title. */
  prerequisites: Text[];
  consultant: boolean;
  rephased: boolean;
}

export interface SupportRow {
  name: Text;
  /** Document and section, e.g. 郑政文〔2018〕168号 四(六). */
  source?: string;
  /** What a consultant tells the plant now (an expired scheme: check the current one). */
  status?: Text;
  expired: boolean;
}

export function planItems(shown: Recommendation[], all: Recommendation[], w: Wording, policy: PolicyDef | undefined): PlanItem[] {
  const titles = new Map(all.map((r) => [r.id, r.title]));
  const programme = (id: string) => policy?.programmes.find((p) => p.id === id);
  const projectType = (id: string) => policy?.projectTypes.find((p) => p.id === id)?.name;
  return shown.map((rec) => {
    const prog = programme(rec.programme);
    return {
      id: rec.id,
      title: rec.title,
      rationale: rec.rationale,
      evidence: rec.evidence.map((e) => e.statement),
      retrofitLevel: w.retrofitLevels[rec.retrofitLevel] ?? same(rec.retrofitLevel),
      levelId: rec.retrofitLevel,
      ...(rec.programme ? { programme: prog ? { zh: `${prog.name.zh}（${policy!.document} ${prog.section}）`, en: `${prog.name.en} (${policy!.document} ${prog.section})` } : same(rec.programme) } : {}),
      ...(rec.projectType ? { projectType: projectType(rec.projectType) ?? same(rec.projectType) } : {}),
      phase: w.phases[rec.phase]!,
      phaseId: rec.phase,
      priority: rec.priority,
      measures: rec.measures,
      hardware: rec.hardware,
      software: rec.software,
      integration: rec.integration,
      ...(rec.investment ? { investment: `${rec.investment.min}–${rec.investment.max}` } : {}),
      ...(rec.benefits ? { benefits: rec.benefits } : {}),
      prerequisites: rec.prerequisites.map((id) => titles.get(id) ?? same(id)),
      consultant: rec.source === 'consultant',
      rephased: Boolean(rec.overridden?.phase),
    };
  });
}

/** The support schemes the recommendations point to; a scheme whose period has ended says so. */
export function supportOf(shown: Recommendation[], policy: PolicyDef | undefined, date: string): SupportRow[] {
  const ids = [...new Set(shown.flatMap((x) => x.support))];
  return ids.map((id) => {
    const s = policy?.support.find((x) => x.id === id);
    if (!s) return { name: same(id), expired: false };
    const expired = schemeExpired(s, date);
    return {
      name: s.name,
      ...(s.document ? { source: `${s.document}${s.section ? ` ${s.section}` : ''}` } : {}),
      ...(expired && s.currentNote ? { status: s.currentNote } : {}),
      expired,
    };
  });
}
