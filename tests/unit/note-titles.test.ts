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

  it('words that are not question ids stay as written (file names, snake_case that is no question, plain words)', () => {
    for (const text of ['照片 IMG_4417', 'see not_a_question here', 'the network level', 'mes_x_y']) expect(withQuestionTitles(text, q)).toBe(text);
  });
});
