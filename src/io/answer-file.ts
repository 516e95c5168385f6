import { InputError, diag, type Diagnostic } from '../core/diagnostics.js';
import { dropEmptyRespondentFields, readRespondentValues, resolveAnswers, type Answers } from '../core/answers.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { Source } from '../core/source.js';
import type { AnswerFile } from '../core/types.js';
import { isDefinitionKind, shapeValidator, type Definitions } from './definitions.js';
import { readAnswerText } from './file-kind.js';
import { displayPath } from './paths.js';
import { isIndustry } from '../core/vocabulary.js';

export interface LoadedAnswers {
  source: Source;
  questionnaire: Questionnaire;
  answers?: Answers;
  diagnostics: Diagnostic[];
}

/**
 * Load an answer file (YAML or JSON), check its shape, find its questionnaire (by id only; `override` is the
 * command line's --questionnaire) and resolve its answers. Problems are returned, not thrown, so that callers
 * can print warnings and errors together. `command` names the command in what is said about a folder, a table or
 * a document passed instead of an answer file.
 */
export async function loadAnswerFile(file: string, defs: Definitions, override: string | undefined, command: string): Promise<LoadedAnswers | { diagnostics: Diagnostic[] }> {
  const read = await readAnswerText(file, displayPath(file), command, defs.limits);
  if (!read.ok) return { diagnostics: read.diagnostics };
  let source: Source;
  try {
    source = defs.sourceOf(file, read.text);
  } catch (e) {
    if (e instanceof InputError) return { diagnostics: e.diagnostics };
    throw e;
  }
  return resolveSource(source, defs, override);
}

/**
 * Check and resolve parsed answers, listing every problem in one pass: respondent values in words (dates,
 * credit code), the shape, each answer's value, cross-field checks and unknown question ids — also when the
 * shape is wrong elsewhere, so that fixing one problem never reveals the next.
 */
export async function resolveSource(source: Source, defs: Definitions, override?: string): Promise<LoadedAnswers | { diagnostics: Diagnostic[] }> {
  // Nothing but blank lines or comments: say so, rather than "(top level): expected an object".
  if (source.data === null || source.data === undefined) return { diagnostics: [diag('answers.empty-file', source.file, { line: 1, column: 1 })] };
  // A definition file (wording.yaml, a questionnaire…) given where answers are expected: one sentence, not a wall of
  // "unknown field" errors.
  const top = source.data as { kind?: unknown; questionnaire?: unknown };
  if (typeof top === 'object' && !Array.isArray(top) && isDefinitionKind(top.kind) && top.questionnaire === undefined) {
    return { diagnostics: [diag('answers.is-definition', source.file, source.locate(['kind']), { kind: top.kind, file: source.file })] };
  }
  dropEmptyRespondentFields(source.data);
  const readDs = readRespondentValues(source);
  const shapeDs = shapeValidator().validate('answers', source);
  const data = source.data as AnswerFile;
  if (shapeDs.length) return { diagnostics: [...readDs, ...shapeDs, ...(await problemsDespiteShape(data, source, defs, shapeDs, override))] };
  let questionnaire: Questionnaire;
  try {
    questionnaire = await defs.questionnaire(override ?? data.questionnaire);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const unknown = e.diagnostics.find((d) => d.code === 'answers.unknown-questionnaire');
    if (unknown) return { diagnostics: [...readDs, diag(unknown.code, source.file, source.locate(['questionnaire']), unknown.args)] };
    return { diagnostics: [...readDs, ...e.diagnostics] };
  }
  const r = resolveAnswers(questionnaire, source);
  const diagnostics = [...readDs, ...r.diagnostics];
  return { source, questionnaire, diagnostics, ...(r.answers && !readDs.some((d) => d.severity === 'error') ? { answers: r.answers } : {}) };
}

/**
 * When the shape is wrong somewhere (say, the industry type), still resolve what can be: each answer, the
 * cross-field checks and unknown ids, on a copy whose broken parts are left out. A problem the shape check has
 * already reported at the same answer is not repeated.
 */
async function problemsDespiteShape(data: AnswerFile, source: Source, defs: Definitions, shapeDs: Diagnostic[], override?: string): Promise<Diagnostic[]> {
  const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const top = obj(data);
  if (!top) return [];
  const id = override ?? (typeof top.questionnaire === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(top.questionnaire) ? top.questionnaire : undefined);
  const answers = obj(top.answers);
  if (!id || !answers) return [];
  let questionnaire: Questionnaire;
  try {
    questionnaire = await defs.questionnaire(id);
  } catch {
    return [];
  }
  const respondent = obj(top.respondent) ?? {};
  const industryKnown = isIndustry(respondent.industry);
  const copy: AnswerFile = {
    questionnaire: questionnaire.def.id,
    ...(typeof top.version === 'string' ? { version: top.version } : {}),
    // An unknown industry type: every question counts as asked (mixed plants see them all).
    respondent: {
      company: typeof respondent.company === 'string' ? respondent.company : 'x',
      industry: industryKnown ? (respondent.industry as AnswerFile['respondent']['industry']) : 'mixed',
      ...(typeof respondent.credit_code === 'string' ? { credit_code: respondent.credit_code } : {}),
    },
    answers: answers as AnswerFile['answers'],
    ...(obj(top.notes) ? { notes: obj(top.notes) as AnswerFile['notes'] } : {}),
  };
  const r = resolveAnswers(questionnaire, { ...source, data: copy });
  const reported = shapeDs.filter((d) => d.path && d.path.length >= 2);
  const covered = (d: Diagnostic) => reported.some((s) => s.path!.every((p, i) => d.path?.[i] === p));
  return r.diagnostics.filter((d) => !covered(d) && !(d.code === 'answers.hidden-answered' && d.args.reason === 'tailored' && !industryKnown));
}
