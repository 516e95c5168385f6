// A consultant's note that cites a question by id reads with the question instead, in the note's language.
import { describe, expect, it } from 'vitest';
import { withQuestionTitles } from '../../src/report/model-answers';
import { questionnaire } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');

describe('question ids in a note', () => {
  it('a Chinese note: the id becomes the quoted Chinese question, without the spaces written around it', () => {
    const title = q.byId.get('req_ot_segmentation')!.text.zh;
    expect(withQuestionTitles('分区问题现在归信息安全评判（见 req_ot_segmentation），故改为 2 级。', q)).toBe(`分区问题现在归信息安全评判（见“${title}”），故改为 2 级。`);
  });

  it('an English note: the quoted English question, spaces kept', () => {
    const title = q.byId.get('has_mes')!.text.en;
    expect(withQuestionTitles('See has_mes for the MES.', q)).toBe(`See "${title}" for the MES.`);
  });

  it('words that are not question ids stay as written (snake_case that is no question, plain words)', () => {
    for (const text of ['照片 IMG_4417', 'see not_a_question here', 'the network level', 'mes_x_y', 'x_has_mes']) expect(withQuestionTitles(text, q)).toBe(text);
  });

  it('a question id inside a file name, a web address or a key=value stays as written; one ending a sentence does not', () => {
    expect(q.byId.has('has_mes') && q.byId.has('req_ot_segmentation')).toBe(true);
    for (const text of ['附件 has_mes.pdf', '见 https://wiki.example.com/audit/req_ot_segmentation 页面', 'D:\\审计\\req_ot_segmentation\\照片', 'has_mes=true', 'see ./has_mes']) expect(withQuestionTitles(text, q), text).toBe(text);
    expect(withQuestionTitles('Check has_mes.', q)).toBe(`Check "${q.byId.get('has_mes')!.text.en}".`);
  });

  it('an English note naming a Chinese company reads in English', () => {
    expect(withQuestionTitles('Supplier 宇通 said see has_mes', q)).toBe(`Supplier 宇通 said see "${q.byId.get('has_mes')!.text.en}"`);
  });
});
