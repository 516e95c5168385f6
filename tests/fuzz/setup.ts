// The fuzz engine (lib/fuzz-core.mjs) wired to the TypeScript sources, for the in-`npm test` fuzz runs.
// scripts/fuzz-long.mjs wires the same engine to dist/ for the long run.
import * as answers from '../../src/core/answers.js';
import * as diagnostics from '../../src/core/diagnostics.js';
import * as check from '../../src/core/expression/check.js';
import * as evaluate from '../../src/core/expression/evaluate.js';
import * as parse from '../../src/core/expression/parse.js';
import * as questionnaire from '../../src/core/questionnaire.js';
import * as readiness from '../../src/core/readiness.js';
import * as recommend from '../../src/core/recommend.js';
import * as result from '../../src/core/result.js';
import * as ruleScope from '../../src/core/rule-scope.js';
import * as ruleContext from '../../src/core/rule-context.js';
import * as rulesDef from '../../src/core/rules-def.js';
import * as source from '../../src/core/source.js';
import * as answerFile from '../../src/io/answer-file.js';
import * as decode from '../../src/io/decode.js';
import * as definitions from '../../src/io/definitions.js';
import * as paths from '../../src/io/paths.js';
import * as catalogue from '../../src/messages/catalogue.js';
import * as terminal from '../../src/cli/terminal.js';
import * as tableInput from '../../src/io/tables/table-input.js';
import * as tableLimits from '../../src/io/tables/limits.js';
import * as escape from '../../src/report/escape.js';
import * as hbsEnv from '../../src/report/handlebars-env.js';
import * as html from '../../src/report/html.js';
import * as render from '../../src/report/render.js';
import * as reportData from '../../src/report/report-data.js';
import { createContext, knownBug, withSample, type FuzzContext } from './lib/fuzz-core.mjs';

export const api: Record<string, unknown> = {
  ...source,
  ...diagnostics,
  ...answers,
  ...result,
  ...questionnaire,
  ...rulesDef,
  ...ruleContext,
  ...recommend,
  ...readiness,
  ...ruleScope,
  ...parse,
  ...check,
  ...evaluate,
  ...answerFile,
  ...definitions,
  ...paths,
  ...decode,
  ...reportData,
  ...render,
  ...html,
  ...escape,
  ...hbsEnv,
  ...catalogue,
  ...terminal,
  ...tableInput,
  ...tableLimits,
};

let ctx: Promise<FuzzContext> | undefined;
/** The bundled definitions, loaded once per test file. */
export function fuzzContext(): Promise<FuzzContext> {
  ctx ??= createContext(api).then(withSample);
  return ctx;
}

/** Seed and size of the in-`npm test` runs; FUZZ_SEED / FUZZ_SCALE explore further without editing. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
export const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FUZZ_SCALE ?? 1)));

/** Failures not yet reported as a bug (lib/fuzz-core.mjs KNOWN_BUGS lists those, each with its failing test). */
export const unknownFailures = (failures: string[]) => failures.filter((f) => !knownBug(f));
