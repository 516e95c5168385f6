// What the plan says of a plant is what its answers show (a consultant's review of an aluminium roller): the
// self-rated stage "学习调研或初步规划" does not deny a written outline, a named lead or a budget the requirement
// answers show; a project the plant asked for and needs, but whose groundwork is missing, is not said to be unneeded.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { read } from '../helpers/defs';
import { plan } from '../helpers/plan';

const statements = (answers: Record<string, unknown>) => {
  const file = parse(read('examples/discrete-machinery.zhizao.yaml'));
  for (const id of ['req_written_strategy', 'req_digital_organisation', 'req_lead_named', 'req_digital_plan_outline']) delete file.answers[id];
  Object.assign(file.answers, { organization_strategy_level: 'planning' }, answers);
  const rec = plan(file).recommendations.find((r) => r.id === 'factory-smart-manufacturing-plan');
  return rec ? rec.evidence.map((e) => e.statement.zh) : [];
};

describe('the master plan’s statements on organisation and strategy', () => {
  it('with the plan and organisation requirements answered, the stage alone, and what is missing said by them', () => {
    const said = statements({ req_written_strategy: 'partial', req_digital_organisation: 'partial', req_lead_named: 'full' });
    expect(said).toContain('智能制造处于学习调研或初步规划阶段。');
    expect(said).toContain('智能制造规划只写了方向，缺少可衡量的目标、项目清单或时间表。');
    expect(said.join('')).not.toContain('专职人员和年度预算');
  });
  it('with neither answered (an express interview), the stage in the words of its option', () => {
    expect(statements({})).toContain('智能制造处于学习调研或初步规划阶段，还没有成文规划、专职人员和年度预算。');
  });
  it('with the organisation in place, the stage and the department and budget it has', () => {
    const said = statements({ req_written_strategy: 'partial', req_digital_organisation: 'full' });
    expect(said).toContain('智能制造处于学习调研或初步规划阶段；负责数字化的部门和年度预算已经有了。');
    expect(said).not.toContain('智能制造处于学习调研或初步规划阶段。');
  });
});

describe('a project asked for that the plan does not propose: not needed, or needed but not ready', () => {
  const asked = (answers: Record<string, unknown>) => {
    const file = parse(read('examples/discrete-machinery.zhizao.yaml'));
    Object.assign(file.answers, { has_mes: false, production_operations_level: 'paper', digital_goals: '三年内做到质量追溯到原料批次' }, answers);
    return plan(file).askedNotProposed?.find((a) => a.id === 'workshop-traceability');
  };
  it('the answers show the need (traceability partly in place) but not what it rests on (an MES or production level 2): not ready, never "nothing calls for it"', () => {
    expect(asked({ req_quality_traceability: 'partial' })).toMatchObject({ reason: 'not-ready' });
  });
  it('what it builds is in place (traceability fully in place), also while its condition fails: in place, never "nothing calls for it"', () => {
    expect(asked({ req_quality_traceability: 'full' })).toMatchObject({ reason: 'in-place' });
  });
});
