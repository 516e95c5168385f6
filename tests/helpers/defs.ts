import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveAnswers, type Answers } from '../../src/core/answers';
import type { Diagnostic } from '../../src/core/diagnostics';
import { compileModel, type Model } from '../../src/core/model';
import { compileProfile, type Profile } from '../../src/core/profile';
import { compileQuestionnaire, type Questionnaire } from '../../src/core/questionnaire';
import { ShapeValidator, type SchemaKind } from '../../src/core/shape';
import { parseSource, type Source } from '../../src/core/source';
import { compileTargets, type TargetsDef } from '../../src/core/targets';
import { stringify } from 'yaml';
import type { Wording } from '../../src/core/wording';
import type { PolicyDef } from '../../src/core/policy';

export const ROOT = path.resolve(__dirname, '..', '..');
export const shape = new ShapeValidator((k: SchemaKind) => JSON.parse(readFileSync(path.join(ROOT, 'schemas', `${k}.schema.json`), 'utf8')));

export function src(text: string, file = 'test.yaml'): Source {
  const r = parseSource(text, file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.code).join(','));
  return r.source;
}
export const srcOf = (data: unknown, file = 'test.yaml') => src(stringify(data), file);
export const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

export function model(): Model {
  const r = compileModel(src(read('questionnaires/models/cmmm-2020.yaml')));
  if (!r.model) throw new Error('model');
  return r.model;
}
export function profile(text = read('questionnaires/profiles/gbt39117-2020-practice.yaml'), m = model()): Profile {
  const r = compileProfile(src(text), m);
  if (!r.profile) throw new Error(JSON.stringify(r.diagnostics));
  return r.profile;
}
/** The bundled profile with some of its settings changed (YAML keys at the top level, replaced or added). */
export function profileWith(settings: Record<string, string>, m = model()): Profile {
  let text = read('questionnaires/profiles/gbt39117-2020-practice.yaml');
  for (const [key, value] of Object.entries(settings)) {
    // The key's line and any indented lines under it (a block mapping).
    const re = new RegExp(`^${key}:.*(?:\\n[ ]+.*)*$`, 'm');
    text = re.test(text) ? text.replace(re, `${key}: ${value}`) : `${text}\n${key}: ${value}\n`;
  }
  return profile(text, m);
}
/** The flat mean with the self-rating averaged in: the method of the first release, kept as a profile option. */
export const flatAverageProfile = () => profileWith({ aggregation: 'flat', selfRating: 'average' });

export function questionnaireFrom(text: string, m = model()): { q?: Questionnaire; diagnostics: Diagnostic[] } {
  const s = src(text, 'q.yaml');
  const shapeDs = shape.validate('questionnaire', s);
  if (shapeDs.length) return { diagnostics: shapeDs };
  const r = compileQuestionnaire(s, m.subdomainIds);
  return { q: r.questionnaire, diagnostics: r.diagnostics };
}
export function questionnaire(rel: string): Questionnaire {
  const r = questionnaireFrom(read(rel));
  if (!r.q) throw new Error(JSON.stringify(r.diagnostics, null, 1));
  return r.q;
}
export function targets(id = 'zhengzhou-2020'): TargetsDef {
  const r = compileTargets(src(read(`questionnaires/targets/${id}.yaml`)));
  if (!r.targets) throw new Error('targets');
  return r.targets;
}
export function answersFor(q: Questionnaire, file: unknown): { answers?: Answers; diagnostics: Diagnostic[] } {
  const s = srcOf(file, 'answers.yaml');
  const shapeDs = shape.validate('answers', s);
  if (shapeDs.length) return { diagnostics: shapeDs };
  return resolveAnswers(q, s);
}
export function mustAnswers(q: Questionnaire, file: unknown): Answers {
  const r = answersFor(q, file);
  if (!r.answers) throw new Error(JSON.stringify(r.diagnostics, null, 1));
  return r.answers;
}

/** The report's fixed wording (report-templates/wording.yaml) and the plan's policy data. */
export const wording = (): Wording => src(read('report-templates/wording.yaml')).data as Wording;
export const policy = (): PolicyDef => src(read('questionnaires/policy/zhengzhou-2018.yaml')).data as PolicyDef;
