import { describe, expect, it } from 'vitest';
import { compareToTarget, computeIndicators } from '../../src/core/indicators';
import { buildResult } from '../../src/core/result';
import { accumulate, levelFor, scoreMaturity } from '../../src/core/scoring';
import { flatAverageProfile, mustAnswers, questionnaire, targets } from '../helpers/defs';

const q = questionnaire('tests/fixtures/scoring/small.yaml');
const p = flatAverageProfile();
const file = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  questionnaire: 'small',
  version: '1',
  respondent: { company: 'T', industry: 'discrete' },
  answers,
  ...extra,
});
const score = (answers: Record<string, unknown>, extra?: Record<string, unknown>) => scoreMaturity(q, mustAnswers(q, file(answers, extra)), p);

describe('maturity scoring, flat mean with self-ratings averaged in (hand-computed)', () => {
  it('mixes level answers with requirement questions, gates, n/a, tailoring and since', () => {
    const r = score({ pd_level: 'l3', r2: 'mostly', eq_level: 'l1', has_x: false, fx: 'full', na_req: 'n/a', new_req: 'full' });
    // product-design: level answer 3 → L1..L5 = 1,1,1,0,0; r2 (L2) = 0.8 → L2 = (1 + 0.8) / 2 = 0.9
    // equipment: level answer 1 → 1,0,0,0,0 (na_req n/a, proc_only tailored, new_req newer than the file)
    // production-operations: has_x = no → 0 at L3; fx hidden by has_x → counts 0 at L3
    // L1 = (1 + 1) / 2 = 1; L2 = (0.9 + 0) / 2 = 0.45; L3 = (1 + 0 + 0) / 3 = 0.3333; L4 = L5 = 0
    // S = 1 + 0.45 (below 0.8: added, then stop) = 1.45 → level 1
    expect(r.maturity.levelScores.map((x) => +x.toFixed(4))).toEqual([1, 0.45, 0.3333, 0, 0]);
    expect(r.maturity.score).toBeCloseTo(1.45, 9);
    expect(r.maturity.level).toBe(1);
    expect(r.maturity.heldAt).toBe(2);
    expect(r.excluded).toEqual([
      { id: 'na_req', reason: 'n/a', subdomain: 'equipment' },
      { id: 'proc_only', reason: 'industry', subdomain: 'equipment' },
      { id: 'new_req', reason: 'since', subdomain: 'equipment' },
    ]);
  });

  it('n/a renormalises: the same plant answering "none" instead of "n/a" scores lower', () => {
    const base = { pd_level: 'l3', r2: 'mostly', eq_level: 'l2', has_x: false };
    const na = score({ ...base, na_req: 'n/a' });
    const none = score({ ...base, na_req: 'none' });
    // n/a: equipment L2 = 1 → L2 = (0.9 + 1) / 2 = 0.95 ≥ 0.8; L3 = (1 + 0 + 0) / 3 → S = 1 + 0.95 + 0.3333 = 2.2833 → level 2
    expect(na.maturity.score).toBeCloseTo(1 + 0.95 + 1 / 3, 9);
    expect(na.maturity.level).toBe(2);
    // none: equipment L2 = (1 + 0) / 2 = 0.5 → L2 = (0.9 + 0.5) / 2 = 0.7 → S = 1.7 → level 1
    expect(none.maturity.score).toBeCloseTo(1.7, 9);
    expect(none.maturity.level).toBe(1);
  });

  it('a gated follow-up scores 0; unknown and unanswered score 0', () => {
    const base = { pd_level: 'l5', r2: 'full', eq_level: 'l5', na_req: 'full' };
    const po = (a: Record<string, unknown>) => score({ ...base, ...a }).subdomains.find((s) => s.id === 'production-operations')!;
    expect(po({ has_x: true, fx: 'full' }).levelScores[2]).toBe(1);
    expect(po({ has_x: false, fx: 'full' }).levelScores[2]).toBe(0); // fx is hidden by has_x: kept in the file, scored 0
    expect(po({ has_x: true, fx: 'unknown' }).levelScores[2]).toBe(0.5); // (1 + 0) / 2
    expect(po({ has_x: true }).levelScores[2]).toBe(0.5);
    expect(po({ has_x: true, fx: 'partial' }).levelScores[2]).toBe(0.75); // (1 + 0.5) / 2
  });

  it('a follow-up hidden by an answer given is settled, not left to ask; hidden by an unanswered gate it is open', () => {
    const base = { pd_level: 'l3', r2: 'mostly', eq_level: 'l1' };
    // counted: pd_level, r2, eq_level, has_x, fx (na_req unanswered is counted too); fx is hidden by has_x = no
    const settled = score({ ...base, has_x: false, na_req: 'full' }).scored;
    expect(settled).toMatchObject({ answered: settled.applicable, unknown: 0 });
    const open = score({ ...base, na_req: 'full' }).scored; // has_x unanswered: fx cannot be asked yet
    expect(open.applicable - open.answered).toBe(2);
    const unknownGate = score({ ...base, has_x: 'unknown', na_req: 'full' }).scored;
    expect(unknownGate).toMatchObject({ answered: unknownGate.applicable - 1, unknown: 1 });
  });

  it('the 0.8 gate: a level at exactly 0.8 passes, just below stops after adding it', () => {
    expect(accumulate([1, 0.8, 0.79, 0.5, 0], p)).toMatchObject({ score: 2.59, level: 2, heldAt: 3 });
    expect(accumulate([1, 0.79, 1, 1, 1], p)).toMatchObject({ score: 1.79, level: 1, heldAt: 2 });
    expect(accumulate([0.7, 1, 1, 1, 1], p)).toMatchObject({ score: 0.7, level: 0, heldAt: 1 });
    expect(accumulate([1, 1, 1, 1, 1], p)).toMatchObject({ score: 5, level: 5, heldAt: null });
  });

  it.each([
    [0, 0],
    [0.7999, 0],
    [0.8, 1],
    [1.7999, 1],
    [1.8, 2],
    [2.7999, 2],
    [2.8, 3],
    [3.8, 4],
    [4.7999, 4],
    [4.8, 5],
    [5, 5],
  ])('band edge: S = %s → level %s', (s, level) => {
    expect(levelFor(s, p.def.bands)).toBe(level);
  });

  it('floating-point sums land on the band edge they mean', () => {
    // (0.9 + 0.7) / 2 = 0.8 in exact arithmetic but 0.7999999999999999 in floating point
    expect(accumulate([1, (0.9 + 0.7) / 2, 0, 0, 0], p)).toMatchObject({ level: 2, heldAt: 3 });
  });
});

describe('indicators against targets', () => {
  it('> against >= at exactly 50 %, on unrounded values', () => {
    expect(compareToTarget(0.5, '>', 0.5)).toMatchObject({ met: false, gap: 0 });
    expect(compareToTarget(0.5, '>=', 0.5)).toMatchObject({ met: true, gap: 0 });
    expect(compareToTarget(0.50000001, '>', 0.5).met).toBe(true);
    expect(compareToTarget(0.2, '<=', 0.25)).toMatchObject({ met: true });
    expect(compareToTarget(null, '>', 0.5)).toMatchObject({ met: null, gap: null });
  });

  it('ratios with a zero or unknown denominator are null, never NaN or 0', () => {
    const t = targets();
    const val = (answers: Record<string, unknown>) => computeIndicators(q, mustAnswers(q, file(answers)), t)[0]!;
    expect(val({ total: 12, part: 5 }).value).toBeCloseTo(5 / 12, 12);
    expect(val({ total: 0, part: 0 })).toMatchObject({ value: null, met: null });
    expect(val({ total: 'unknown', part: 3 })).toMatchObject({ value: null, met: null });
    expect(val({ part: 3 })).toMatchObject({ value: null });
    expect(val({ total: 12, part: 6 })).toMatchObject({ value: 0.5, met: false, comparison: '>' }); // zhengzhou-2020: > 50 %
  });

  it('an older-version file leaves newer questions out and says so', () => {
    const a = mustAnswers(q, file({ new_req: 'full' }, { version: '1' }));
    expect(a.visibility.get('new_req')).toBe('not-asked');
    const b = mustAnswers(q, file({ new_req: 'full' }, { version: '2' }));
    expect(b.visibility.get('new_req')).toBe('visible');
  });

  it('a file with only the fixed facts still scores: low completeness, correct indicators', () => {
    const r = buildResult(q, mustAnswers(q, file({ total: 10, part: 4 })), p, targets());
    // Nothing scored is answered: no level is stated (below the profile's 50 % threshold), and it is provisional.
    expect(r.maturity).toMatchObject({ level: null, score: 0, provisional: true });
    expect(r.tiers.every((t) => t.levelConditionMet === null)).toBe(true);
    // visible: pd_level, r2, eq_level, has_x, na_req, total, part (fx gated, proc_only tailored, new_req newer) → 2 / 7
    expect(r.completeness).toBeCloseTo(2 / 7, 4);
    // Results keep exact figures (rounded once, for output); the gap is 0.5 − 0.4 in floating point.
    expect(r.indicators[0]).toMatchObject({ id: 'cnc-rate', value: 0.4, met: false });
    expect(r.indicators[0]!.gap).toBeCloseTo(0.1, 12);
  });
});

describe('an indicator read as what it counts in the plant\'s industry', () => {
  it('a process plant\'s CNC rate is titled its automatic-control rate in its own result; a discrete plant\'s is not', () => {
    const big = questionnaire('questionnaires/smart-manufacturing.yaml');
    const cnc = (industry: string) => computeIndicators(big, mustAnswers(big, { questionnaire: 'smart-manufacturing', version: '2', respondent: { company: 'T', industry }, answers: { key_processes_total: 4, key_processes_cnc: 3 } }), targets()).find((i) => i.id === 'cnc-rate')!;
    expect(cnc('process').title.zh).toBe('关键工序数控化率（流程型：自动控制率）');
    expect(cnc('process').value).toBe(0.75);
    expect(cnc('discrete').title.zh).toBe('关键工序数控化率');
    expect(cnc('mixed').title.en).toBe('Key-process CNC rate');
    // the regional figure keeps the questionnaire's own title
    expect(big.indicators.find((i) => i.def.id === 'cnc-rate')!.def.title.zh).toBe('关键工序数控化率');
  });
});
