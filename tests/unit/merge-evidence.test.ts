// Evidence records survive `zhizao merge`: one record per question, the preferred file's first.
import { describe, expect, it } from 'vitest';
import { mergeAnswerFiles } from '../../src/core/merge';
import type { AnswerFile } from '../../src/core/types';
import { questionnaire } from '../helpers/defs';

const q = questionnaire('tests/fixtures/definitions/mini.yaml');
const file = (evidence: AnswerFile['evidence']): AnswerFile => ({
  questionnaire: 'mini',
  version: '2',
  respondent: { company: '郑州测试机械有限公司', industry: 'discrete' },
  answers: { design_level: 'pdm' },
  evidence,
});

describe('merging evidence records', () => {
  const a = file({ design_level: { type: 'demo', ref: 'PDM 截图 A' }, designers_total: { type: 'document', ref: '花名册' } });
  const b = file({ design_level: { type: 'observation', ref: '现场照片 B' }, has_mes: { type: 'interview' } });

  it('keeps every question’s record, the first file’s where both have one', () => {
    const r = mergeAnswerFiles([{ name: 'a.yaml', data: a }, { name: 'b.yaml', data: b }], q);
    expect(r.merged.evidence).toEqual({
      design_level: { type: 'demo', ref: 'PDM 截图 A' },
      designers_total: { type: 'document', ref: '花名册' },
      has_mes: { type: 'interview' },
    });
  });

  it('takes the preferred file’s record, and writes no evidence key when there is none', () => {
    const r = mergeAnswerFiles([{ name: 'a.yaml', data: a }, { name: 'b.yaml', data: b }], q, 'b.yaml');
    expect(r.merged.evidence!.design_level).toEqual({ type: 'observation', ref: '现场照片 B' });
    const none = mergeAnswerFiles([{ name: 'a.yaml', data: file(undefined) }, { name: 'b.yaml', data: file(null) }], q);
    expect(none.merged).not.toHaveProperty('evidence');
  });
});
