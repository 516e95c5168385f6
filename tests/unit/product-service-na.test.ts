// Product service for a plant whose products need no field service: the level question is not asked (its own
// naWhen), the requirement questions that follow it up are not applicable with it, and an answer given anyway is
// kept, unscored, with a warning that names the answer that makes it so.
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../src/core/answers';
import { formatMessage } from '../../src/messages/catalogue';
import { questionnaire, src } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const FOLLOW_UPS = ['req_service_records', 'req_serial_service_history', 'req_field_service_dispatch', 'req_field_data_feedback', 'req_connected_products', 'req_spare_parts_by_serial', 'req_remote_om'];

function resolve(answers: Record<string, unknown>) {
  const data = { questionnaire: 'smart-manufacturing', version: '2', respondent: { company: '测试', industry: 'discrete' }, answers };
  return resolveAnswers(q, src(JSON.stringify(data), 'plant.json'));
}

describe('product service by what the products need after sale', () => {
  for (const need of ['via_oem', 'no_service']) {
    it(`${need}: the level question and every product-service requirement do not apply`, () => {
      const r = resolve({ product_service_need: need });
      expect(r.answers!.visibility.get('product_service_level')).toBe('na');
      for (const id of FOLLOW_UPS) expect(r.answers!.visibility.get(id), id).toBe('na');
    });
  }

  it('field_service or not answered: asked, and the requirements follow the level question', () => {
    for (const answers of [{ product_service_need: 'field_service' }, {}]) {
      const r = resolve(answers);
      expect(r.answers!.visibility.get('product_service_level')).toBe('visible');
      expect(r.answers!.visibility.get('req_service_records')).toBe('visible');
    }
    // answered n/a by a plant that does need field service: the follow-ups do not apply either
    expect(resolve({ product_service_need: 'field_service', product_service_level: 'n/a' }).answers!.visibility.get('req_remote_om')).toBe('na');
  });

  it('a level given anyway for OEM components is kept but not scored, and the warning says why', () => {
    const r = resolve({ product_service_need: 'via_oem', product_service_level: 'manual' });
    const d = r.diagnostics.find((x) => x.code === 'answers.hidden-answered');
    expect(d).toBeDefined();
    expect(formatMessage(d!.code, d!.args, 'zh')).toContain('对本企业不适用（按“主要产品售出后需要哪类服务？”的回答）：答案保留但不计分');
    expect(formatMessage(d!.code, d!.args, 'en')).toContain('(by the answer to "What service do the main products need after sale?")');
  });
});
