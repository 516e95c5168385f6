// A consultant's review of three client reports (review 27): an automotive parts supplier (C3670: stamping, welding,
// machining, coating outsourced, 8 arc-welding robots, batch traceability only), a 68-staff crusher maker (C3511,
// engineer-to-order, 60 万元, SaaS ERP) and the food example. One test per finding, through the built CLI.
import { describe, expect, it } from 'vitest';
import { zhizao } from '../helpers/cli';

interface Item { zh: string; en: string }
interface Rec {
  id: string;
  phase: string;
  variant?: string;
  title: Item;
  investment: { min: number; max: number } | null;
  evidence: { question: string; statement: Item }[];
  measures: Item[];
  hardware: Item[];
  software: Item[];
  integration: Item[];
  benefits: Item;
  prerequisites: string[];
}
interface Report { recommendations: Rec[]; roadmap: { later: string[] } }

const AUTO = 'tests/fixtures/review27/auto.yaml';
const SMALL = 'tests/fixtures/review27/small-equip.yaml';
const FOOD = 'examples/process-food.zhizao.yaml';
const MACHINING = 'tests/fixtures/plants/small-machining-under-1m.yaml';
const CAD_PDM = 'tests/fixtures/plants/cad-pdm-word-planners.yaml';

const cache = new Map<string, Report>();
function report(file: string): Report {
  const hit = cache.get(file);
  if (hit) return hit;
  const r = zhizao(['report', file, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const d = JSON.parse(r.stdout) as Report;
  cache.set(file, d);
  return d;
}
const rec = (file: string, id: string) => report(file).recommendations.find((r) => r.id === id);
/** Every text of a project, in one language. */
const words = (r: Rec, lang: 'zh' | 'en') =>
  [r.title, ...r.measures, ...r.hardware, ...r.software, ...r.integration, r.benefits, ...r.evidence.map((e) => e.statement)].map((t) => t[lang]).join('\n');

describe('review 27', () => {
  it('1. a small budget with design data not under control gets the light PDM, in the plan; a plant managing its design data does not', () => {
    const pdm = rec(SMALL, 'factory-plm-pdm');
    expect(pdm, 'the crusher maker (60 万元, no PDM, design files not held centrally) gets the PDM project').toBeDefined();
    expect(pdm!.variant).toBe('light');
    expect(pdm!.phase, 'its first goal: in the plan period').not.toBe('later');
    const zh = words(pdm!, 'zh');
    for (const w of ['轻量 PDM', '按订单', '作废', '现行版本', 'ERP']) expect(zh).toContain(w);
    expect(words(pdm!, 'en')).toContain('light PDM');
    expect(pdm!.prerequisites).toEqual([]);
    expect(pdm!.investment!.max).toBeLessThanOrEqual(15);
    expect(pdm!.evidence.map((e) => e.question)).toContain('req_design_data_vault');
    // the small machining shop (under 1 million, no PDM, vault none) gets it too; a plant with a PDM never the light one
    expect(rec(MACHINING, 'factory-plm-pdm')?.variant).toBe('light');
    expect(rec(CAD_PDM, 'factory-plm-pdm')?.variant).not.toBe('light');
  });
});
