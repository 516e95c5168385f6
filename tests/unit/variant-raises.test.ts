// A version of a project that does less than its rule (a pilot on one sewing line, traceability codes without the
// palletising robots) projects only what it does: its own `raises`, not the rule's.
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compileRules, raisingOf } from '../../src/core/rules-def';
import { PHASES } from '../../src/core/types';
import { mustAnswers, read, src } from '../helpers/defs';
import { plan, q, ruleIds as ids, rules } from '../helpers/plan';

/** An answer as the plant gave it (its value, or its status when it has none). */
const given = (file: unknown, question: string): unknown => shown(mustAnswers(q, file).resolved.get(question));
const shown = (r: { status: string; value?: unknown } | undefined) => (r?.status === 'answered' ? r.value : r?.status);
/** An answer as projected once the phase of project `id` and those before it are complete. */
function projected(made: ReturnType<typeof plan>, id: string, question: string): unknown {
  const rec = made.recommendations.find((r) => r.id === id)!;
  const i = PHASES.indexOf(rec.phase as (typeof PHASES)[number]);
  expect(i, `${id} is in the plan period`).toBeGreaterThanOrEqual(0);
  return shown(made.roadmap.afterPhases![i]!.answers.resolved.get(question));
}

describe('a version raises what it does, not what the whole rule would', () => {
  it('a pilot hanging line on one sewing line: the lines partly linked, not every line automated', () => {
    const file = parse(read('tests/fixtures/sectors/apparel-small.zhizao.yaml'));
    const made = plan(file);
    const hanging = made.recommendations.find((r) => r.id === 'line-automated-assembly')!;
    expect(hanging.variant).toBe('hanging-pilot');
    expect(projected(made, 'line-automated-assembly', 'req_automated_lines')).toBe('partial');
    // the rule's own raise (error-proofed assembly stations) is nothing a hanging line does
    expect(projected(made, 'line-automated-assembly', 'req_assembly_error_proofing')).not.toBe('full');
  });

  it('drug traceability codes: finished goods scanned, no automated lines and no robot counted', () => {
    const file = parse(read('tests/fixtures/review/pharma-solid-dose.yaml'));
    file.answers.drug_trace_code_status = 'none';
    file.answers.req_barcode_tracking = 'none';
    const made = plan(file);
    const codes = made.recommendations.find((r) => r.id === 'line-end-of-line-packaging')!;
    expect(codes.variant).toBe('drug-trace');
    expect(projected(made, codes.id, 'req_barcode_tracking')).toBe('partial');
    // nothing else the whole packing-line rule raises: the lines stay as they are, no robot is added
    expect(given(file, 'req_automated_lines')).toBe('none');
    expect(projected(made, codes.id, 'req_automated_lines')).toBe('none');
    expect(projected(made, codes.id, 'robots_count')).toBe(given(file, 'robots_count'));
  });

  it('a version without raises of its own takes the rule’s', () => {
    const rule = rules.byId.get('line-automated-assembly')!;
    expect(raisingOf(rule, undefined)).toBe(rule);
    expect(raisingOf(rule, 'fabrication')).toBe(rule);
    expect(raisingOf(rule, 'hanging-pilot').raises.map((x) => x.question).sort()).toEqual(['req_automated_lines', 'req_flexible_changeover']);
  });

  it('a version raising an unknown question is a load-time error at that raise', () => {
    const data = parse(read('questionnaires/rules/default.yaml'));
    const i = data.rules.findIndex((r: { id: string }) => r.id === 'line-automated-assembly');
    const j = data.rules[i].variants.findIndex((v: { id: string }) => v.id === 'hanging-pilot');
    data.rules[i].variants[j].raises = { no_such_question: 'full' };
    const bad = compileRules(src(stringify(data), 'bad.yaml'), ids);
    expect(bad.rules).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.code, d.path])).toEqual([['def.unknown-ref', ['rules', i, 'variants', j, 'raises', 'no_such_question']]]);
  });
});
