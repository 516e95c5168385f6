import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answersFor, questionnaire, read } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const withNotes = (notes: Record<string, unknown>) => {
  const file = parse(read('examples/discrete-machinery.zhizao.yaml'));
  file.notes = { ...file.notes, ...notes };
  return answersFor(q, file).diagnostics.filter((d) => d.code === 'answers.note-looks-internal');
};

describe('a note that reads as meant for the consultant is flagged when the client report would print it', () => {
  it('warns at the note, naming the word, when a client-visible note says 保密 or TODO', () => {
    const ds = withNotes({ digital_spend_share: '客户保密：财务部未单独归集信息化投入。', kpi_output_per_worker: 'TODO check the 2025 figure' });
    expect(ds.map((d) => [d.path?.join('.'), d.args.word, d.severity])).toEqual([
      ['notes.digital_spend_share', '保密', 'warning'],
      ['notes.kpi_output_per_worker', 'TODO', 'warning'],
    ]);
  });

  it('says nothing of a note marked internal, nor of the shipped examples\' notes', () => {
    expect(withNotes({ digital_spend_share: { text: '客户保密：财务部未单独归集信息化投入。', internal: true } })).toEqual([]);
    expect(withNotes({})).toEqual([]);
    const food = parse(read('examples/process-food.zhizao.yaml'));
    expect(answersFor(q, food).diagnostics.filter((d) => d.code === 'answers.note-looks-internal')).toEqual([]);
  });
});
