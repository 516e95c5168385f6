/**
 * What a food plant's traceability project promises (食品安全法 第四十二条): a plant that traces most products already,
 * the rest on paper, may meet the law today (the duty's check says how to tell); its project's benefit is speed and
 * one record, never "meets the law". A plant that traces little or nothing gets the duty met by the project, and is
 * told so. Through the built CLI, for the food pack's project (a plant with an MES) and the rules' own lot
 * traceability (a plant without one).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES, tempDir } from '../helpers/cli';
import { answerVariant, reportJson, type ReportProject } from '../helpers/report-cli';

const FOOD = path.join(EXAMPLES, 'process-food.zhizao.yaml');
const dir = tempDir('zhizao-food-trace-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LAW = '第四十二条';

const traceProject = (file: string) => {
  const r = reportJson<{ recommendations: ReportProject[] }>(file);
  const p = r.recommendations.find((x) => x.id === 'workshop-traceability' || x.id === 'workshop-food-lot-traceability');
  expect(p, 'a traceability project is proposed').toBeDefined();
  return p!;
};

describe('the traceability project of a food plant says what it gains, and the law only where it settles it', () => {
  it('traced "mostly" (paper for the rest): speed and one record, no claim to meet Article 42', () => {
    const p = traceProject(FOOD);
    expect(p.benefits.zh).not.toContain(LAW);
    expect(p.benefits.zh).toContain('仍靠纸质记录的产品');
    expect(p.benefits.en).not.toMatch(/Article 42/);
  });

  it('traced "partly": the project settles the duty and says so', () => {
    const p = traceProject(answerVariant(dir, FOOD, 'partial.yaml', { req_quality_traceability: 'partial' }));
    expect(p.benefits.zh).toContain(LAW);
  });

  it('without an MES, traced "mostly": the lot traceability project makes no claim to the law either; "none": it does', () => {
    const mostly = traceProject(answerVariant(dir, FOOD, 'no-mes.yaml', { has_mes: false, req_quality_traceability: 'mostly' }));
    expect(mostly.benefits.zh).not.toContain(LAW);
    const none = traceProject(answerVariant(dir, FOOD, 'no-mes-none.yaml', { has_mes: false, req_quality_traceability: 'none' }));
    expect(none.benefits.zh).toContain(LAW);
  });
});
