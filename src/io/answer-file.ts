import { InputError, diag, type Diagnostic } from '../core/diagnostics.js';
import { answerValueProblems, dropEmptyRespondentFields, resolveAnswers, type Answers } from '../core/answers.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { Source } from '../core/source.js';
import type { AnswerFile } from '../core/types.js';
import { shapeValidator, type Definitions } from './definitions.js';

export interface LoadedAnswers {
  source: Source;
  questionnaire: Questionnaire;
  answers?: Answers;
  diagnostics: Diagnostic[];
}

/**
 * Load an answer file (YAML or JSON), check its shape, find its questionnaire (by id only; `override` is the
 * command line's --questionnaire) and resolve its answers. Problems are returned, not thrown, so that callers
 * can print warnings and errors together.
 */
export async function loadAnswerFile(file: string, defs: Definitions, override?: string): Promise<LoadedAnswers | { diagnostics: Diagnostic[] }> {
  let source: Source;
  try {
    source = await defs.source(file);
  } catch (e) {
    if (e instanceof InputError) return { diagnostics: e.diagnostics };
    throw e;
  }
  return resolveSource(source, defs, override);
}

export async function resolveSource(source: Source, defs: Definitions, override?: string): Promise<LoadedAnswers | { diagnostics: Diagnostic[] }> {
  dropEmptyRespondentFields(source.data);
  const shapeDs = shapeValidator().validate('answers', source);
  const data = source.data as AnswerFile;
  if (shapeDs.length) return { diagnostics: [...shapeDs, ...(await valueProblemsDespiteShape(data, source, defs, override))] };
  let questionnaire: Questionnaire;
  try {
    questionnaire = await defs.questionnaire(override ?? data.questionnaire);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const unknown = e.diagnostics.find((d) => d.code === 'answers.unknown-questionnaire');
    if (unknown) return { diagnostics: [diag(unknown.code, source.file, source.locate(['questionnaire']), unknown.args)] };
    return { diagnostics: e.diagnostics };
  }
  const r = resolveAnswers(questionnaire, source);
  return { source, questionnaire, diagnostics: r.diagnostics, ...(r.answers ? { answers: r.answers } : {}) };
}

/** When the shape is wrong elsewhere (say, the industry type), still check each answer so that every problem shows at once. */
async function valueProblemsDespiteShape(data: AnswerFile, source: Source, defs: Definitions, override?: string): Promise<Diagnostic[]> {
  const id = override ?? (typeof data?.questionnaire === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(data.questionnaire) ? data.questionnaire : undefined);
  const answers = data && typeof data.answers === 'object' && data.answers !== null && !Array.isArray(data.answers) ? data.answers : undefined;
  if (!id || !answers) return [];
  try {
    return answerValueProblems(await defs.questionnaire(id), answers, source);
  } catch {
    return [];
  }
}
