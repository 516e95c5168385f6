// A rule variant's own `raises` through the built CLI: what a completed project changes in the answers, for the
// projection ("按推算，规划期的项目全部完成后为 N 级（S ≈ x）" and each phase's projected level and score), is its
// variant's when the variant has its own (src/core/rules-def.ts `raisingOf`, src/core/roadmap.ts), not its rule's.
// The generic-drug plant of the s22 review (tests/fixtures/review/pharma-solid-dose.yaml, C2720, 800 万元) whose
// packs are not yet coded gets the end-of-line packaging rule in its drug-trace versions, which raise the scanning
// requirement (req_barcode_tracking, level 2) to "partly" and nothing else; the rule itself raises automated lines to
// "fully" and adds a robot, and never the scanning. Read by the same plant answered with its scanning at "none",
// "partly" and "fully": once the project is done, "none" projects exactly as "partly" does, and below "fully".
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../helpers/cli';
import { reportJson, reportMarkdown } from '../helpers/report-cli';

interface Projection {
  level: number | null;
  score: number;
  indicatorsMet: string[];
}
interface Report {
  recommendations: { id: string; variant?: string; phase: string }[];
  roadmap: { baseline: Projection; phases: { id: string; projected: Projection | null }[]; heldBack: { level: number; score: number } | null };
}
interface RuleDef {
  id: string;
  raises?: Record<string, unknown>;
  variants?: { id: string; raises?: Record<string, unknown> }[];
}

const PHARMA = 'tests/fixtures/review/pharma-solid-dose.yaml';
const PACKAGING = 'line-end-of-line-packaging';
const SCANNING = 'req_barcode_tracking';
const PHASES = ['0-6m', '6-18m', '18-36m'];
const dir = tempDir('zhizao-variant-raises-');
const rules = (parse(readFileSync(path.join(ROOT, 'questionnaires/rules/default.yaml'), 'utf8')) as { rules: RuleDef[] }).rules;
const rule = (id: string) => rules.find((r) => r.id === id)!;

type Coded = 'none' | 'unit';
type Scanning = 'none' | 'partial' | 'full';
/** The drug plant with its traceability codes (none: not coded; unit: packs coded, cases not aggregated) and its scanning answered. */
function pharma(coded: Coded, scanning: Scanning): string {
  const text = readFileSync(PHARMA, 'utf8');
  expect(text).toMatch(/^ {2}drug_trace_code_status: aggregated$/m);
  expect(text).toMatch(/^ {2}req_barcode_tracking: partial$/m);
  const out = path.join(dir, `pharma-coded-${coded}-scanning-${scanning}.yaml`);
  writeFileSync(out, text.replace(/^ {2}drug_trace_code_status: aggregated$/m, `  drug_trace_code_status: ${coded}`).replace(/^ {2}req_barcode_tracking: partial$/m, `  ${SCANNING}: ${scanning}`));
  return out;
}
const made = new Map<string, Report>();
const report = (coded: Coded, scanning: Scanning) => {
  const key = `${coded} ${scanning}`;
  if (!made.has(key)) made.set(key, reportJson<Report>(pharma(coded, scanning)));
  return made.get(key)!;
};
/** The projected score after each phase of the plan period. */
const projected = (d: Report) => PHASES.map((id) => d.roadmap.phases.find((p) => p.id === id)!.projected!.score);
/** Where each project of the plan period lands, and in which version (the same plan, read with another scanning answer). */
const planOf = (d: Report) => d.recommendations.filter((r) => PHASES.includes(r.phase)).map((r) => `${r.id}${r.variant ? `/${r.variant}` : ''}@${r.phase}`);

describe('the definitions this test reads (questionnaires/rules/default.yaml)', () => {
  it('the drug-trace versions raise the scanning to "partly" and nothing else; the rule raises other answers, never the scanning', () => {
    const packaging = rule(PACKAGING);
    for (const id of ['drug-trace', 'drug-trace-aggregation']) expect(packaging.variants!.find((v) => v.id === id)!.raises).toEqual({ [SCANNING]: 'partial' });
    expect(Object.keys(packaging.raises!).length).toBeGreaterThan(0);
    expect(packaging.raises).not.toHaveProperty(SCANNING);
  });
});

describe('packs not coded: the drug-trace version in 0–6 months, raising the scanning to "partly"', () => {
  const none = () => report('none', 'none');
  it('the plan is the same whatever the scanning answer, the drug-trace version first, and no other project of it raises the scanning', () => {
    const plan = planOf(none());
    expect(plan).toContain(`${PACKAGING}/drug-trace@0-6m`);
    for (const scanning of ['partial', 'full'] as const) expect(planOf(report('none', scanning)), scanning).toEqual(plan);
    const raisingScanning = (id: string) => {
      const r = rule(id);
      return r.raises?.[SCANNING] !== undefined || (r.variants ?? []).some((v) => v.raises?.[SCANNING] !== undefined);
    };
    expect(plan.map((p) => p.split(/[/@]/)[0]!).filter(raisingScanning)).toEqual([PACKAGING]);
  });
  it('today the answers differ: "none" scores below "partly", "partly" below "fully"', () => {
    const [n, p, f] = (['none', 'partial', 'full'] as const).map((s) => report('none', s).roadmap.baseline.score);
    expect(n).toBeLessThan(p!);
    expect(p).toBeLessThan(f!);
  });
  it('after every phase, "none" projects exactly as "partly": the project raised the scanning to "partly"', () => {
    expect(projected(none())).toEqual(projected(report('none', 'partial')));
    expect(none().roadmap.heldBack).toEqual(report('none', 'partial').roadmap.heldBack);
  });
  it('after every phase, "partly" projects below "fully": the project raised it no further than "partly"', () => {
    const partly = projected(report('none', 'partial'));
    const fully = projected(report('none', 'full'));
    for (const [i, phase] of PHASES.entries()) expect(partly[i], phase).toBeLessThan(fully[i]!);
  });
  it('report --format md: the projection in the summary and the phase table say the same for "none" as for "partly", as the JSON does', () => {
    for (const lang of ['zh', 'en'] as const) {
      /** The summary's projection (from "按推算" / "By projection" to the line's end) and the phase table's projected cells. */
      const projection = (scanning: Scanning) => {
        const md = reportMarkdown(pharma('none', scanning), lang);
        const start = lang === 'zh' ? '按推算，规划期的项目全部完成后' : 'By projection, once the plan period';
        const summary = md.split('\n').find((l) => l.includes(start));
        expect(summary, lang).toBeDefined();
        const cells = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('S ≈')).map((l) => l.split('|').at(-2)!.trim());
        return { summary: summary!.slice(summary!.indexOf(start)), cells };
      };
      const none = projection('none');
      expect(none.cells, lang).toEqual(projected(report('none', 'none')).map((s) => (lang === 'zh' ? `1 级，S ≈ ${s.toFixed(2)}` : `level 1, S ≈ ${s.toFixed(2)}`)));
      expect(none.summary).toContain(`S ≈ ${projected(report('none', 'none')).at(-1)!.toFixed(2)}`);
      expect(none, lang).toEqual(projection('partial'));
    }
  });
});

describe('packs coded, cases not aggregated: the aggregation version, later in the plan, raises the scanning from its own phase on', () => {
  it('"none" projects below "partly" until the aggregation project is done, and exactly as "partly" from then on', () => {
    const none = report('unit', 'none');
    const partly = report('unit', 'partial');
    expect(planOf(none)).toEqual(planOf(partly));
    const packaging = none.recommendations.find((r) => r.id === PACKAGING)!;
    expect(packaging.variant).toBe('drug-trace-aggregation');
    const at = PHASES.indexOf(packaging.phase);
    expect(at, packaging.phase).toBeGreaterThan(0);
    const [n, p] = [projected(none), projected(partly)];
    for (const [i, id] of PHASES.entries()) {
      if (i < at) expect(n[i], id).toBeLessThan(p[i]!);
      else expect(n[i], id).toBe(p[i]);
    }
  });
});
