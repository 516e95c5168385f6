// Fuzzing engine shared by the vitest fuzz tests (tests/fuzz/*.test.ts, against src/) and the long run
// (scripts/fuzz-long.mjs, against dist/). Plain JavaScript so that both can load it; types in fuzz-core.d.mts.
//
// A "case" is plain, serialisable data ({kind, ...}) so that the long run can generate it in the main thread and
// run it in a worker that a watchdog can kill. `runCase(ctx, c)` returns a list of failures (strings); an empty
// list means the case ended the way zhizao promises: a valid result, or located diagnostics — never an exception,
// a NaN, a prototype reached, or a leak of what must not leave the answer file.
import fc from 'fast-check';
import YAML from 'yaml';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Modules the engine needs, relative to src/ or dist/ (without extension). */
export const API_MODULES = [
  'core/source',
  'core/diagnostics',
  'core/answers',
  'core/result',
  'core/questionnaire',
  'core/rules-def',
  'core/rule-context',
  'core/recommend',
  'core/readiness',
  'core/rule-scope',
  'core/expression/parse',
  'core/expression/check',
  'core/expression/evaluate',
  'io/answer-file',
  'io/definitions',
  'io/paths',
  'io/decode',
  'report/report-data',
  'report/render',
  'report/escape',
  'report/handlebars-env',
  'messages/catalogue',
  'cli/terminal',
];

/** Modules that may not exist yet in every build (the table readers landed later); loaded when present. */
export const OPTIONAL_API_MODULES = ['io/tables/table-input', 'io/tables/limits', 'core/yaml-fast', 'report/html'];

/** Build the API object from a module loader, e.g. `(m) => import(`../../dist/${m}.js`)`. */
export async function loadApi(importModule) {
  const api = {};
  for (const m of API_MODULES) Object.assign(api, await importModule(m));
  for (const m of OPTIONAL_API_MODULES) {
    try {
      Object.assign(api, await importModule(m));
    } catch {
      /* not built yet: the table case kinds are skipped */
    }
  }
  return api;
}

const read = (rel) => readFileSync(path.join(ROOT, rel), 'utf8');

// ───────────────────────────── context ─────────────────────────────

/** Load bundled definitions once; everything a worker needs to run cases. */
export async function createContext(api) {
  api.registerBatchMessages?.();
  const defs = new api.Definitions();
  const questionnaire = await defs.questionnaire();
  const profile = await defs.profile();
  const targets = await defs.targets();
  const rules = await defs.rules('default', questionnaire);
  const readiness = await Promise.all(api.DEFAULTS.readiness.map((id) => defs.readiness(id, questionnaire)));
  const reportExtras = { wording: await defs.wording(), policy: await defs.policy(), benchmark: await defs.benchmark() };
  const examples = ['examples/discrete-machinery.zhizao.yaml', 'examples/process-food.zhizao.yaml'].map((f) => YAML.parse(read(f)));
  const questions = questionnaire.questions;
  const optionValues = [...new Set(questions.flatMap((q) => (q.options ?? []).map((o) => o.value)))];
  const expressions = [
    ...questions.filter((q) => q.when).map((q) => q.when),
    ...(questionnaire.def.checks ?? []).map((c) => c.expr),
    ...(questionnaire.def.indicators ?? []).flatMap((i) => [i.formula, ...Object.values(i.flags ?? {})]),
    ...rules.def.rules.map((r) => r.when),
  ];
  const sampleAnswers = api.resolveAnswers(questionnaire, mustParse(api, read('examples/discrete-machinery.zhizao.yaml'), 'example.yaml')).answers;
  const bundled = {
    questionnaire: read('questionnaires/smart-manufacturing.yaml'),
    mini: read('tests/fixtures/definitions/mini.yaml'),
    targets: ['zhengzhou-2020', 'national-2020', 'national-2025'].map((id) => read(`questionnaires/targets/${id}.yaml`)),
    profile: read('questionnaires/profiles/gbt39117-2020-practice.yaml'),
    model: read('questionnaires/models/cmmm-2020.yaml'),
    rules: read('questionnaires/rules/default.yaml'),
    readiness: ['smart-workshop', 'smart-factory'].map((id) => read(`questionnaires/readiness/${id}.yaml`)),
  };
  const bundledData = {
    rules: YAML.parse(bundled.rules),
    questionnaire: YAML.parse(bundled.questionnaire),
  };
  return {
    api,
    defs,
    questionnaire,
    profile,
    targets,
    rules,
    readiness,
    reportExtras,
    examples,
    questionIds: questions.map((q) => q.id),
    optionValues,
    expressions,
    sampleAnswers,
    bundled,
    bundledData,
    caseCounter: 0,
  };
}

function mustParse(api, text, file) {
  const r = api.parseSource(text, file);
  if (!r.ok) throw new Error(`fixture ${file} does not parse: ${JSON.stringify(r.diagnostics)}`);
  return r.source;
}

// ───────────────────────────── values and mutations ─────────────────────────────

export const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
export const NANISH_STRINGS = [
  'NaN', 'nan', '.nan', 'Infinity', '-Infinity', '.inf', '1e309', '-1e309', '0x1F', '0o17', '0b101', '1_000', '1,000,000', '１２', '٣', '50%', '50 %', '５０％',
  '150%', '-0', '+0', '.', '-', '+', '--1', '1e', 'e5', '', ' ', '\u0000', '\u202e5', 'unknown', 'UNKNOWN', ' n/a ', 'N/A', 'na', '不适用', '不清楚', 'true', 'yes',
  'no', '是', '否', 'null', '~', 'undefined', '[]', '{}', '全部满足', 'FULL', '3', ' 5 ', '6', '-1', '2.5',
];
export const HUGE_NUMBERS = [1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1, -(2 ** 53) - 1, -0, 1e-320, 0, 1, 5, 6, -1, 0.5, 0.999999999, 100, 1e21, 12, 123456789];
/** Characters that mean something to YAML, JSON, Markdown, HTML or a terminal. */
const TEXT_CHARS = [...':{}[]&*!|>\'"%@`#,-?\t\n\r\\<>=$()_~', '\ufeff', '\u0000', '\u202e', '\u2028', '\u001b', '中', '𠀀', ' ', 'a', '0', '9', '.', '\u0301'];

const textCharArb = fc.constantFrom(...TEXT_CHARS);
const smallText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(textCharArb, { maxLength: 12 }).map((a) => a.join('')),
);

function nest(depth, inner, asObject) {
  let v = inner;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

/** A hostile or odd value for any position in a document. */
export function valueArb(ctx) {
  const primitive = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NANISH_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...HUGE_NUMBERS) },
    { weight: 2, arbitrary: fc.double() },
    { weight: 2, arbitrary: fc.integer() },
    { weight: 3, arbitrary: smallText },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constantFrom(...ctx.optionValues, ...ctx.questionIds.slice(0, 30)) },
  );
  return fc.oneof(
    { weight: 8, arbitrary: primitive },
    { weight: 2, arbitrary: fc.array(primitive, { maxLength: 6 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...ctx.optionValues), { maxLength: 5 }) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...DANGEROUS_KEYS, 'text', 'internal', 'a'), primitive).map(([k, v]) => ownObject([[k, v]])) },
    { weight: 1, arbitrary: fc.record({ text: smallText, internal: fc.oneof(fc.boolean(), primitive) }) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 300 }), fc.boolean()).map(([d, o]) => nest(d, 'x', o)) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 60000 }).map((n) => 'x'.repeat(n)) },
  );
}

/** An object whose keys are own data properties even for `__proto__` (as a YAML/JSON parser makes them). */
export function ownObject(entries) {
  const o = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

function clone(v) {
  if (Array.isArray(v)) return v.map(clone);
  if (v && typeof v === 'object') return ownObject(Object.keys(v).map((k) => [k, clone(v[k])]));
  return v;
}

function allPaths(doc) {
  const out = [];
  const walk = (v, p, depth) => {
    out.push(p);
    if (depth > 12) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i], depth + 1));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], [...p, k], depth + 1);
  };
  walk(doc, [], 0);
  return out;
}
const getAt = (doc, p) => p.reduce((v, k) => (v == null ? undefined : v[k]), doc);
function setAt(doc, p, value) {
  if (p.length === 0) return value;
  const parent = getAt(doc, p.slice(0, -1));
  const k = p[p.length - 1];
  if (Array.isArray(parent)) parent[k] = value;
  else if (parent && typeof parent === 'object') Object.defineProperty(parent, k, { value, enumerable: true, writable: true, configurable: true });
  return doc;
}
function deleteAt(doc, p) {
  if (p.length === 0) return null;
  const parent = getAt(doc, p.slice(0, -1));
  const k = p[p.length - 1];
  if (Array.isArray(parent)) parent.splice(k, 1);
  else if (parent && typeof parent === 'object') delete parent[k];
  return doc;
}
function ensureObject(doc, key) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const cur = doc[key];
  if (cur && typeof cur === 'object' && !Array.isArray(cur) && Object.prototype.hasOwnProperty.call(doc, key)) return cur;
  const o = {};
  Object.defineProperty(doc, key, { value: o, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Structural mutations of a parsed document. Each is plain data; `applyMutation` interprets it. */
export function mutationArb(ctx, { answerAware = true } = {}) {
  const value = valueArb(ctx);
  const key = fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.constantFrom(...ctx.questionIds), fc.constantFrom('null', 'Null', 'NULL', 'true', 'True', 'false', 'FALSE', '~', '', 'yes', 'no', '1', '0x10', 'a-b', 'a:b', 'a b'), smallText);
  const generic = [
    fc.record({ op: fc.constant('delete'), at: fc.nat() }),
    fc.record({ op: fc.constant('set'), at: fc.nat(), value }),
    fc.record({ op: fc.constant('addKey'), at: fc.nat(), key, value }),
    fc.record({ op: fc.constant('renameKey'), at: fc.nat(), key }),
    fc.record({ op: fc.constant('dupItem'), at: fc.nat(), to: fc.nat() }),
    fc.record({ op: fc.constant('deep'), at: fc.nat(), depth: fc.oneof(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 400 })), object: fc.boolean() }),
    fc.record({ op: fc.constant('swapType'), at: fc.nat() }),
  ];
  if (!answerAware) return fc.oneof(...generic);
  const qid = fc.constantFrom(...ctx.questionIds);
  const answerValue = fc.oneof(value, fc.constantFrom(...ctx.optionValues), fc.constantFrom('full', 'mostly', 'partial', 'none', 'unknown', 'n/a', true, false));
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...generic) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant('answer'), id: fc.oneof(qid, qid, key), value: answerValue }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('note'), id: fc.oneof(qid, key), value: fc.oneof(value, fc.record({ text: smallText, internal: fc.boolean() })) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('respondent'), field: fc.constantFrom('company', 'industry', 'site', 'date', 'credit_code', 'region', 'interviewees', 'retrofit_status', 'enterprise_class', ...DANGEROUS_KEYS), value }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('top'), field: fc.constantFrom('questionnaire', 'version', 'kpis', 'overrides', 'progress', 'notes', 'answers', ...DANGEROUS_KEYS), value }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('secret'), id: qid, n: fc.nat(99999) }) },
  );
}

export function applyMutation(doc, m) {
  const paths = allPaths(doc);
  const pick = (n) => paths[n % paths.length];
  switch (m.op) {
    case 'delete':
      return deleteAt(doc, pick(m.at));
    case 'set':
      return setAt(doc, pick(m.at), clone(m.value));
    case 'addKey': {
      const containers = paths.filter((p) => {
        const v = getAt(doc, p);
        return v && typeof v === 'object' && !Array.isArray(v);
      });
      if (!containers.length) return doc;
      return setAt(doc, [...containers[m.at % containers.length], m.key], clone(m.value));
    }
    case 'renameKey': {
      const p = pick(m.at);
      if (p.length === 0) return doc;
      const parent = getAt(doc, p.slice(0, -1));
      if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return doc;
      const v = parent[p[p.length - 1]];
      delete parent[p[p.length - 1]];
      Object.defineProperty(parent, m.key, { value: v, enumerable: true, writable: true, configurable: true });
      return doc;
    }
    case 'dupItem': {
      const arrays = paths.filter((p) => Array.isArray(getAt(doc, p)) && getAt(doc, p).length > 0);
      if (!arrays.length) return doc;
      const arr = getAt(doc, arrays[m.at % arrays.length]);
      arr.splice(m.to % (arr.length + 1), 0, clone(arr[m.at % arr.length]));
      return doc;
    }
    case 'deep':
      return setAt(doc, pick(m.at), nest(m.depth, getAt(doc, pick(m.at)) ?? 1, m.object));
    case 'swapType': {
      const p = pick(m.at);
      const v = getAt(doc, p);
      const swapped =
        typeof v === 'number' ? String(v) : typeof v === 'string' ? (Number.isNaN(Number(v)) ? [v] : Number(v)) : Array.isArray(v) ? v.join(';') : v && typeof v === 'object' ? Object.values(v) : typeof v === 'boolean' ? String(v) : {};
      return setAt(doc, p, swapped);
    }
    case 'answer': {
      const a = ensureObject(doc, 'answers');
      if (a) Object.defineProperty(a, m.id, { value: clone(m.value), enumerable: true, writable: true, configurable: true });
      return doc;
    }
    case 'note': {
      const n = ensureObject(doc, 'notes');
      if (n) Object.defineProperty(n, m.id, { value: clone(m.value), enumerable: true, writable: true, configurable: true });
      return doc;
    }
    case 'respondent': {
      const r = ensureObject(doc, 'respondent');
      if (r) Object.defineProperty(r, m.field, { value: clone(m.value), enumerable: true, writable: true, configurable: true });
      return doc;
    }
    case 'top':
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) Object.defineProperty(doc, m.field, { value: clone(m.value), enumerable: true, writable: true, configurable: true });
      return doc;
    case 'secret': {
      // An internal note and a public note with unique markers: neither may reach an office report, and the
      // internal one may reach no report at all.
      const n = ensureObject(doc, 'notes');
      if (n) {
        Object.defineProperty(n, m.id, { value: { text: `ZZSECRET${m.n}X`, internal: true }, enumerable: true, writable: true, configurable: true });
        const other = Object.keys(doc.answers ?? {}).find((k) => k !== m.id && /^[a-z][a-z0-9_]*$/.test(k));
        if (other) Object.defineProperty(n, other, { value: `ZZPUBLIC${m.n}X`, enumerable: true, writable: true, configurable: true });
      }
      return doc;
    }
    default:
      return doc;
  }
}

/** Character-level edits of the serialised text (the parser and the location mapping get their turn). */
export const textEditArb = fc.oneof(
  fc.record({ op: fc.constant('insert'), at: fc.nat(), text: fc.oneof(fc.array(textCharArb, { minLength: 1, maxLength: 6 }).map((a) => a.join('')), fc.constantFrom('&a ', '*a', '<<: *a', '!!binary ', '!!js/function ', '? ', '--- ', '...', '%YAML 1.1\n', '\t', '\n  ', ': ', '- ', '{', '[', '"', "'")) }),
  fc.record({ op: fc.constant('delete'), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('dupLine'), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines'), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('truncate'), at: fc.nat() }),
);

export function applyTextEdit(text, e) {
  if (text.length === 0) return e.op === 'insert' ? e.text : text;
  const at = e.at % (text.length + 1);
  switch (e.op) {
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.len);
    case 'truncate':
      return text.slice(0, at);
    case 'dupLine':
    case 'swapLines': {
      const lines = text.split('\n');
      const i = e.at % lines.length;
      if (e.op === 'dupLine') lines.splice(i, 0, lines[i]);
      else {
        const j = e.to % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    }
    default:
      return text;
  }
}

function serialise(doc, format) {
  if (format === 'json') return JSON.stringify(doc, null, 2);
  if (format === 'json-compact') return JSON.stringify(doc);
  try {
    return YAML.stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
  } catch {
    return JSON.stringify(doc);
  }
}

/** Plausible answers for each question (options, tokens, numbers at and beyond the edges): mostly valid files. */
function plausibleAnswerArb(ctx) {
  const byQuestion = ctx.questionnaire.questions.map((q) => {
    const opts = (q.options ?? []).map((o) => o.value);
    const edge = [q.min, q.max].filter((x) => typeof x === 'number');
    let values;
    switch (q.type) {
      case 'level':
        values = [...opts, 0, 1, 2, 3, 4, 5, '3'];
        break;
      case 'requirement':
        values = ['full', 'mostly', 'partial', 'none', '全部满足', '部分满足'];
        break;
      case 'multi':
        values = [opts.slice(0, 1), opts.slice(0, 3), opts.slice(-2), opts.join(';'), []];
        break;
      case 'single':
        values = opts;
        break;
      case 'boolean':
        values = [true, false, '是', 'no'];
        break;
      case 'percent':
        values = [0, 0.25, 1, '50%', '12.5 %', 0.999999, 1e-12];
        break;
      case 'number':
        values = [0, 1, 7, 12, 1000, 123456789, 0.5, ...edge];
        break;
      default:
        values = ['文字', 'text', ''];
    }
    return fc.record({ op: fc.constant('answer'), id: fc.constant(q.id), value: fc.constantFrom(...values, 'unknown', null, ...(q.allowNA ? ['n/a'] : [])) });
  });
  return fc.oneof(...byQuestion);
}

/** A mutated answer file, as the text zhizao will read (or bytes, to exercise the decoder). */
export function answerCaseArb(ctx) {
  const base = fc.constantFrom(...ctx.examples.map((_, i) => i), -1);
  return fc
    .record({
      base,
      mutations: fc.oneof(
        { weight: 3, arbitrary: fc.array(mutationArb(ctx), { minLength: 0, maxLength: 3 }) },
        { weight: 1, arbitrary: fc.array(mutationArb(ctx), { minLength: 3, maxLength: 8 }) },
        { weight: 2, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: plausibleAnswerArb(ctx) }, { weight: 1, arbitrary: mutationArb(ctx) }), { minLength: 1, maxLength: 40 }) },
      ),
      format: fc.constantFrom('yaml', 'yaml', 'json', 'json-compact'),
      edits: fc.oneof({ weight: 6, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(textEditArb, { minLength: 1, maxLength: 3 }) }),
      bytes: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }) }),
      report: fc.constantFrom('none', 'json', 'json', 'md', 'html'),
      audience: fc.constantFrom('client', 'office'),
    })
    .map((spec) => buildAnswerCase(ctx, spec));
}

export function buildAnswerCase(ctx, spec) {
  let doc = spec.base < 0 ? { questionnaire: 'smart-manufacturing', respondent: { company: 'Min', industry: 'discrete' } } : clone(ctx.examples[spec.base]);
  for (const m of spec.mutations) doc = applyMutation(doc, m);
  let text = serialise(doc, spec.format);
  for (const e of spec.edits) text = applyTextEdit(text, e);
  const file = `fuzz-case.${spec.format.startsWith('json') ? 'json' : 'yaml'}`;
  const c = { kind: 'answers', file, text, report: spec.report, audience: spec.audience };
  if (spec.bytes) {
    const b = Buffer.from(text, 'utf8');
    for (const x of spec.bytes) if (b.length) b[x.at % b.length] = x.byte;
    c.bytesBase64 = b.toString('base64');
  }
  return c;
}

// ───────────────────────────── expressions ─────────────────────────────

const EVIL_IDENTS = [
  'constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '__lookupGetter__', 'isPrototypeOf',
  '__proto__.polluted', '__proto__.x', 'constructor.prototype', 'constructor.constructor', 'constructor.name', 'respondent.constructor',
  'answers.__proto__', 'toString.call', 'process', 'globalThis', 'require', 'eval', 'Function', 'this', 'length', 'name', 'a.b.c',
];
const FUNCS = ['contains', 'count', 'min', 'max', 'answered', 'level', 'score', 'indicator', 'met', 'missed', 'gap', 'section', 'constructor', 'toString', '__proto__', 'eval', 'Function', 'hasOwnProperty', 'valueOf', 'nope'];

export function expressionArb(ctx) {
  const ident = fc.constantFrom(...EVIL_IDENTS, ...ctx.questionIds.slice(0, 40), 'industry', 'maturity', 'score_total', 'region');
  const lit = fc.oneof(
    fc.constantFrom('0', '1', '0.5', '1e308', '1e309', '.5', '5.', '2e-400', 'true', 'false', 'null', "'x'", '"y"', "'constructor'", "'__proto__'", "'equipment'", "'cnc-rate'", "'has_mes'"),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => String(Math.abs(d))),
    smallText.map((s) => `'${s.replace(/['\\]/g, '')}'`),
  );
  const { expr } = fc.letrec((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      lit,
      ident,
      fc.tuple(fc.constantFrom(...FUNCS), fc.array(tie('expr'), { maxLength: 4 })).map(([f, a]) => `${f}(${a.join(', ')})`),
      fc.tuple(fc.constantFrom('not ', '-', 'not not ', '--'), tie('expr')).map(([o, e]) => `${o}${e}`),
      fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', 'in'), tie('expr')).map(([a, o, b]) => `${a} ${o} ${b}`),
      fc.array(tie('expr'), { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
      tie('expr').map((e) => `(${e})`),
    ),
  }));
  const mutatedBundled = fc
    .tuple(fc.constantFrom(...ctx.expressions), fc.array(textEditArb, { minLength: 1, maxLength: 3 }))
    .map(([s, edits]) => edits.reduce(applyTextEdit, s));
  const pathological = fc.oneof(
    fc.integer({ min: 1, max: 3000 }).map((n) => '('.repeat(n) + '1' + ')'.repeat(n)),
    fc.integer({ min: 1, max: 3000 }).map((n) => '-'.repeat(n) + '1'),
    fc.integer({ min: 1, max: 1000 }).map((n) => 'not '.repeat(n) + 'true'),
    fc.integer({ min: 1, max: 1000 }).map((n) => Array.from({ length: n }, () => '1').join(' + ')),
    fc.integer({ min: 1, max: 700 }).map((n) => Array.from({ length: n }, () => 'a').join(' or ')),
    fc.integer({ min: 1, max: 800 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.integer({ min: 1, max: 400 }).map((n) => 'min('.repeat(n) + '1' + ')'.repeat(n)),
    fc.integer({ min: 1, max: 500 }).map((n) => '1 == '.repeat(n) + '1'),
    fc.constant("'unterminated"),
    fc.constant('a'.repeat(2001)),
  );
  return fc
    .record({
      src: fc.oneof({ weight: 5, arbitrary: expr }, { weight: 3, arbitrary: mutatedBundled }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) }, { weight: 2, arbitrary: fc.array(textCharArb, { maxLength: 40 }).map((a) => a.join('')) }, { weight: 1, arbitrary: pathological }),
      context: fc.constantFrom('questionnaire', 'rules'),
    })
    .map(({ src, context }) => ({ kind: 'expression', src, context }));
}

// ───────────────────────────── definitions ─────────────────────────────

const EXPR_KEYS = new Set(['when', 'expr', 'formula']);

/** A mutated definition file: bundled targets/profile/model/readiness/rules, or the mini/bundled questionnaire. */
export function definitionCaseArb(ctx) {
  const exprEdit = fc.record({ op: fc.constant('breakExpr'), at: fc.nat(), edits: fc.array(textEditArb, { minLength: 1, maxLength: 2 }), replace: fc.option(fc.constantFrom('constructor', '__proto__.x', 'toString()', "level('constructor')", "indicator('__proto__')", 'x ==', '((', 'nope(1)', "answered('constructor')"), { nil: null }) });
  const m = fc.oneof({ weight: 5, arbitrary: mutationArb(ctx, { answerAware: false }) }, { weight: 3, arbitrary: exprEdit }, { weight: 2, arbitrary: fc.record({ op: fc.constant('dupItem'), at: fc.nat(), to: fc.nat() }) });
  return fc
    .record({
      which: fc.constantFrom('targets', 'profile', 'model', 'readiness', 'rules', 'mini', 'mini', 'questionnaire'),
      pick: fc.nat(),
      keepRules: fc.integer({ min: 1, max: 6 }),
      mutations: fc.array(m, { minLength: 1, maxLength: 5 }),
      format: fc.constantFrom('yaml', 'yaml', 'json'),
      edits: fc.oneof({ weight: 5, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(textEditArb, { minLength: 1, maxLength: 2 }) }),
    })
    .map((spec) => buildDefinitionCase(ctx, spec));
}

export function buildDefinitionCase(ctx, spec) {
  const b = ctx.bundled;
  let doc;
  switch (spec.which) {
    case 'targets':
      doc = YAML.parse(b.targets[spec.pick % b.targets.length]);
      break;
    case 'readiness':
      doc = YAML.parse(b.readiness[spec.pick % b.readiness.length]);
      break;
    case 'rules': {
      doc = clone(ctx.bundledData.rules);
      const start = spec.pick % doc.rules.length;
      doc.rules = doc.rules.slice(start, start + spec.keepRules);
      break;
    }
    case 'questionnaire':
      doc = clone(ctx.bundledData.questionnaire);
      break;
    case 'mini':
      doc = YAML.parse(b.mini);
      break;
    default:
      doc = YAML.parse(b[spec.which]);
  }
  for (const m of spec.mutations) {
    if (m.op === 'breakExpr') {
      const exprPaths = allPaths(doc).filter((p) => EXPR_KEYS.has(String(p[p.length - 1])) && typeof getAt(doc, p) === 'string');
      if (!exprPaths.length) continue;
      const p = exprPaths[m.at % exprPaths.length];
      doc = setAt(doc, p, m.replace ?? m.edits.reduce(applyTextEdit, getAt(doc, p)));
    } else doc = applyMutation(doc, m);
  }
  let text = serialise(doc, spec.format);
  for (const e of spec.edits) text = applyTextEdit(text, e);
  return { kind: 'definition', which: spec.which, file: `fuzz-def.${spec.format === 'json' ? 'json' : 'yaml'}`, text };
}

// ───────────────────────────── templates ─────────────────────────────

export function templateCaseArb() {
  const piece = fc.oneof(
    fc.constantFrom(
      '{{plant.company}}', '{{constructor}}', '{{__proto__}}', '{{lookup this "constructor"}}', '{{lookup plant "__proto__"}}', '{{plant.constructor.name}}',
      '{{#each sections}}{{t title}} {{score}}\n{{/each}}', '{{#with plant}}{{constructor}}{{/with}}', '{{t headline.name}}', '{{join plant.interviewees}}',
      '{{{plant.company}}}', '{{& plant.company}}', '{{#if', '}}', '{{/each}}', '{{> partial}}', '{{evil 1}}', '{{log "x"}}', '{{#each constructor}}x{{/each}}',
      '{{lookup (lookup this "constructor") "constructor"}}', '{{!-- comment --}}', '{{@root.labels}}', '{{this}}', '\\{{escaped}}', '{{{{raw}}}}x{{{{/raw}}}}',
      '{{#each plan}}{{#each items}}{{t title}}{{/each}}{{/each}}', '{{toString}}', '{{valueOf}}', '{{#unless meta.office}}notes{{/unless}}',
    ),
    smallText,
  );
  return fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => ({ kind: 'template', text: parts.join(' '), format: 'md' }));
}

// ───────────────────────────── tables (CSV, XLSX) ─────────────────────────────

const FORMULA_CELLS = ['=1+1', "=cmd|' /C calc'!A0", '+SUM(A1:A2)', '-2+3', '@SUM(1)', '=HYPERLINK("http://evil.example","x")', '\t=1', '\r=1'];
const TABLE_HEADERS = ['company', 'credit_code', 'site', 'industry', 'sector', 'district', 'region', 'above_designated_size', 'enterprise_class', 'retrofit_status', 'retrofit_year', 'interviewees', 'date', 'questionnaire', 'version', '企业名称', '行业类型'];

/** A company table: a header of known and odd columns, rows of hostile cells; CSV text or an XLSX workbook. */
export function tableCaseArb(ctx, format = 'csv') {
  const cell = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ctx.optionValues, 'discrete', 'process', 'mixed', '离散型', 'A', 'B类', 'planned', '是', '否', 'true', '2026-11-29', '2026/1/2', '45000', '12', '0.5', '50%', 'unknown', '不清楚', 'n/a', '不适用', '(跳过)', 'cad2d;cad3d', 'cad2d┋pdm', 'cad2d、none') },
    { weight: 2, arbitrary: fc.constantFrom(...NANISH_STRINGS, ...DANGEROUS_KEYS, ...FORMULA_CELLS) },
    { weight: 2, arbitrary: smallText },
    { weight: 1, arbitrary: fc.constantFrom('', '"', '""', 'a,b', 'line1\nline2', '"quoted, with comma"', '\ufeff', '#comment', ' ') },
  );
  const header = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...TABLE_HEADERS, ...ctx.questionIds) },
    { weight: 1, arbitrary: fc.constantFrom(...DANGEROUS_KEYS, '', '#', 'answers', 'respondent.company', 'design_tools:cad2d', '1. 企业名称', 'Q1. 设计工具') },
    { weight: 1, arbitrary: smallText },
  );
  return fc
    .record({
      headers: fc.array(header, { minLength: 1, maxLength: 14 }),
      withCompany: fc.boolean(),
      rows: fc.array(fc.array(cell, { maxLength: 16 }), { maxLength: 8 }),
      titleRows: fc.nat(2),
      textRow: fc.boolean(),
      edits: fc.oneof({ weight: 5, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(textEditArb, { minLength: 1, maxLength: 3 }) }),
      sep: fc.constantFrom(',', ',', '\t'),
      bom: fc.boolean(),
      flips: fc.oneof({ weight: 6, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }) }),
    })
    .map((spec) => {
      const headers = spec.withCompany ? ['company', 'industry', ...spec.headers] : spec.headers;
      const rows = [
        ...Array.from({ length: spec.titleRows }, () => ['某某园区企业问卷汇总']),
        headers,
        ...(spec.textRow ? [['# question text', ...headers.slice(1).map((h) => `# ${h}`)]] : []),
        ...spec.rows.map((r, i) => (spec.withCompany ? [`公司${i}`, i % 2 ? 'discrete' : 'process', ...r] : r)),
      ];
      if (format === 'xlsx') return { kind: 'xlsx', rows, flips: spec.flips };
      const quote = (v) => (/[",\n\r\t]/.test(v) || v.startsWith(' ') ? `"${v.replace(/"/g, '""')}"` : v);
      let text = (spec.bom ? '\ufeff' : '') + rows.map((r) => r.map((c) => quote(String(c))).join(spec.sep)).join('\r\n') + '\r\n';
      for (const e of spec.edits) text = applyTextEdit(text, e);
      return { kind: 'csv', text, flips: spec.flips };
    });
}

export async function xlsxBytes(rows) {
  const mod = await import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2026, 10, 29)); // deterministic bytes, so that a case replays
  wb.creator = wb.lastModifiedBy = 'zhizao fuzz';
  const ws = wb.addWorksheet('明细');
  for (const r of rows) ws.addRow(r.map((c) => (/^-?\d+(\.\d+)?$/.test(String(c)) && String(c).length < 12 ? Number(c) : c)));
  return zeroZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Set every zip entry's DOS time and date to a constant (the central directory and the local headers). */
function zeroZipTimes(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return buf;
  let p = buf.readUInt32LE(eocd + 16);
  const entries = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < entries && buf.readUInt32LE(p) === 0x02014b50; i++) {
    buf.writeUInt32LE(0x5b7d0000, p + 12);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) === 0x04034b50) buf.writeUInt32LE(0x5b7d0000, local + 10);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

async function runTableCase(ctx, c, failures) {
  const { api } = ctx;
  if (!api.readTableInput) return 'skipped-no-reader';
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  ctx.tableDir ??= mkdtempSync(path.join(os.tmpdir(), 'zhizao-fuzz-tables-'));
  const file = path.join(ctx.tableDir, `t${++ctx.caseCounter}.${c.kind}`);
  const bytes = c.kind === 'csv' ? Buffer.from(c.text, 'utf8') : await xlsxBytes(c.rows);
  for (const f of c.flips ?? []) if (bytes.length) bytes[f.at % bytes.length] = f.byte;
  writeFileSync(file, bytes);
  const shown = api.displayPath(file);
  const env = { q: ctx.questionnaire, defaultQuestionnaire: ctx.questionnaire.def.id, limits: api.DEFAULT_TABLE_LIMITS, onFallback: () => {} };
  let rows = 0;
  let scored = 0;
  let rejected = 0;
  try {
    for await (const ev of api.readTableInput(file, shown, c.kind, env)) {
      if (ev.type === 'reject') {
        rejected++;
        checkDiagnostics(api, ev.diagnostics, shown, undefined, failures, { mustHaveError: true });
        if (!(ev.line >= 1 && ev.column >= 1)) failures.push(`table reject without a location: ${ev.line}:${ev.column}`);
      } else if (ev.type === 'warning') checkDiagnostics(api, ev.diagnostics, shown, undefined, failures, { mustHaveError: false });
      else if (ev.type === 'row') {
        rows++;
        const loaded = await api.resolveSource(ev.source, ctx.defs);
        checkDiagnostics(api, loaded.diagnostics, shown, undefined, failures, { mustHaveError: !loaded.answers });
        for (const d of loaded.diagnostics) if (ev.line !== undefined && d.line !== ev.line && c.kind === 'csv') failures.push(`row diagnostic at line ${d.line}, row starts at ${ev.line}`);
        if (loaded.answers) {
          scored++;
          checkResult(api.buildResult(loaded.questionnaire, loaded.answers, ctx.profile, ctx.targets), failures);
        }
      }
    }
  } finally {
    rmSync(file, { force: true });
  }
  return scored ? 'rows-scored' : rows ? 'rows-rejected' : rejected ? 'table-rejected' : 'empty';
}

// ───────────────────────────── oracles ─────────────────────────────

const POLLUTION_KEYS = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const BASE_PROTO_KEYS = POLLUTION_KEYS();

export function checkNoPollution(failures) {
  if (({}).polluted !== undefined || ({}).x !== undefined || POLLUTION_KEYS() !== BASE_PROTO_KEYS || Object.getPrototypeOf({}) !== Object.prototype) {
    failures.push('prototype pollution: Object.prototype changed');
  }
}

/** Every diagnostic is located (file:line:col, 1-based, inside the text) and has a known, formatted message. */
export function checkDiagnostics(api, ds, file, text, failures, { mustHaveError }) {
  if (!Array.isArray(ds)) {
    failures.push(`diagnostics is not an array: ${typeof ds}`);
    return;
  }
  const lines = text === undefined ? Infinity : text.split(/\r\n|\r|\n/).length + 1;
  for (const d of ds) {
    const where = `${d.file}:${d.line}:${d.column} ${d.code}`;
    if (d.file !== file) failures.push(`diagnostic names file ${JSON.stringify(d.file)}, expected ${file}`);
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines) failures.push(`bad line in ${where}`);
    if (!Number.isInteger(d.column) || d.column < 1) failures.push(`bad column in ${where}`);
    if (d.severity !== 'error' && d.severity !== 'warning') failures.push(`bad severity in ${where}`);
    if (!Object.prototype.hasOwnProperty.call(api.MESSAGES, d.code)) failures.push(`unknown message code ${d.code}`);
    for (const lang of ['en', 'zh']) {
      const s = api.formatDiagnostic(d, lang);
      if (typeof s !== 'string' || !s.startsWith(`${d.file}:${d.line}:${d.column} `)) failures.push(`formatted diagnostic does not start with file:line:col: ${s}`);
    }
  }
  if (mustHaveError && !ds.some((d) => d.severity === 'error')) failures.push('input rejected without an error diagnostic');
}

const inRange = (x, lo, hi) => typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi;

/** S, levels and section scores are finite numbers in range; no NaN or Infinity anywhere. */
export function checkResult(r, failures) {
  const walk = (v, p) => {
    if (typeof v === 'number' && !Number.isFinite(v)) failures.push(`non-finite number at ${p}`);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], `${p}.${k}`);
    else if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') failures.push(`${typeof v} at ${p}`);
  };
  walk(r, 'result');
  // A level may be null only overall (too few answers to state one); a sub-domain's raw level scores may be null
  // where it has no requirement.
  const runCheck = (x, what, { levelMayBeNull = false, scoresMayBeNull = false } = {}) => {
    if (!inRange(x.score, 0, 5)) failures.push(`${what}.score ${x.score} not in [0,5]`);
    if (!(levelMayBeNull && x.level === null) && (!Number.isInteger(x.level) || x.level < 0 || x.level > 5)) failures.push(`${what}.level ${x.level} not an integer 0–5`);
    if (!Array.isArray(x.levelScores) || x.levelScores.length !== 5 || !x.levelScores.every((l) => (scoresMayBeNull && l === null) || inRange(l, 0, 1))) failures.push(`${what}.levelScores ${JSON.stringify(x.levelScores)}`);
  };
  runCheck(r.maturity, 'maturity', { levelMayBeNull: true });
  r.sections.forEach((s) => runCheck(s, `sections.${s.id}`));
  r.subdomains.forEach((s) => runCheck(s, `subdomains.${s.id}`, { scoresMayBeNull: true }));
  if (!inRange(r.completeness, 0, 1)) failures.push(`completeness ${r.completeness}`);
  for (const i of r.indicators) {
    if (!(i.value === null || typeof i.value === 'boolean' || (typeof i.value === 'number' && Number.isFinite(i.value)))) failures.push(`indicator ${i.id} value ${i.value}`);
    if (i.met !== undefined && i.met !== null && typeof i.met !== 'boolean') failures.push(`indicator ${i.id} met ${i.met}`);
    if (i.value === null && i.met !== undefined && i.met !== null) failures.push(`indicator ${i.id} met without a value`);
  }
}

/** Only plain values (finite numbers, strings, booleans, null, lists of them) may come out of an expression. */
function deepValue(v, failures, where, strict, depth = 0) {
  if (depth > 200) return failures.push(`${where}: value nested too deeply`);
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) && (strict || Number.isNaN(v))) failures.push(`${where}: non-finite number ${v}`);
    return;
  }
  if (Array.isArray(v)) return v.forEach((x) => deepValue(x, failures, where, strict, depth + 1));
  failures.push(`${where}: evaluation produced ${typeof v === 'object' ? 'an object' : typeof v} (${String(v).slice(0, 60)})`);
}

const withTimeout = (failures, started, limitMs, what) => {
  const ms = performance.now() - started;
  if (ms > limitMs) failures.push(`${what} took ${Math.round(ms)} ms (limit ${limitMs} ms)`);
};

function describeError(e) {
  const err = e instanceof Error ? e : new Error(String(e));
  const at = (err.stack ?? '').split('\n').find((l) => /^\s+at /.test(l)) ?? '';
  return `${err.name}: ${err.message.split('\n')[0].slice(0, 200)} ${at.trim()}`;
}

/**
 * Run one case. `failures` empty = the case ended as promised; `outcome` says how it ended (for coverage
 * statistics: a fuzzer whose cases all die in the parser proves little). Never throws.
 */
export async function runCase(ctx, c, opts = {}) {
  const failures = [];
  const started = performance.now();
  let outcome = 'crashed';
  try {
    if (c.kind === 'answers') outcome = await runAnswerCase(ctx, c, failures);
    else if (c.kind === 'expression') outcome = runExpressionCase(ctx, c, failures);
    else if (c.kind === 'definition') outcome = await runDefinitionCase(ctx, c, failures);
    else if (c.kind === 'template') outcome = runTemplateCase(ctx, c, failures);
    else if (c.kind === 'csv' || c.kind === 'xlsx') outcome = await runTableCase(ctx, c, failures);
    else failures.push(`unknown case kind ${c.kind}`);
  } catch (e) {
    failures.push(`uncaught ${describeError(e)}`);
  }
  checkNoPollution(failures);
  withTimeout(failures, started, opts.timeLimitMs ?? 5000, `case ${c.kind}`);
  return { failures, outcome: `${c.kind}:${outcome}` };
}

async function runAnswerCase(ctx, c, failures) {
  const { api } = ctx;
  let text = c.text;
  if (c.bytesBase64) text = api.decodeText(Buffer.from(c.bytesBase64, 'base64')).text;
  const parsed = api.parseSource(text, c.file, api.DEFAULT_LIMITS);
  if (api.parseAnswerYaml && c.file.endsWith('.yaml')) differential(api, text, parsed, failures);
  if (!parsed.ok) {
    checkDiagnostics(api, parsed.diagnostics, c.file, text, failures, { mustHaveError: true });
    return 'rejected-parse';
  }
  const loaded = await api.resolveSource(parsed.source, ctx.defs);
  checkDiagnostics(api, loaded.diagnostics, c.file, text, failures, { mustHaveError: !loaded.answers });
  if (!loaded.answers) return loaded.diagnostics.some((d) => d.code.startsWith('schema.')) ? 'rejected-shape' : 'rejected-answers';
  const result = api.buildResult(loaded.questionnaire, loaded.answers, ctx.profile, ctx.targets);
  checkResult(result, failures);
  if (c.report === 'none') return 'scored';
  const data = api.buildReportData({ questionnaire: loaded.questionnaire, answers: loaded.answers, result, rules: ctx.rules, readiness: ctx.readiness, ...ctx.reportExtras, audience: c.audience, tool: 'zhizao fuzz' });
  for (const rec of data.recommendations) if (!inRange(rec.priority, 0, 100)) failures.push(`recommendation ${rec.id} priority ${rec.priority}`);
  if (c.report === 'html' && !api.renderHtml) return 'scored';
  const out =
    c.report === 'md' ? api.renderMarkdown(data.model, { lang: 'both' }) : c.report === 'html' ? api.renderHtml(data, { lang: 'both' }) : JSON.stringify(api.reportJson(data, c.audience), null, 2);
  if (c.report === 'json') {
    const back = JSON.parse(out);
    checkResult(back, failures);
  } else {
     
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(out)) failures.push(`${c.report} report contains control or bidi characters`);
    if (/<script/i.test(out)) failures.push(`${c.report} report contains a raw <script`);
    if (c.report === 'html' && /<[a-z]+[^>]*\son[a-z]+\s*=/i.test(out)) failures.push('html report contains an event-handler attribute');
  }
  const internal = [...out.matchAll(/ZZSECRET\d+X/g)];
  if (internal.length) failures.push(`internal note leaked into the ${c.report} report (${c.audience})`);
  if (c.audience === 'office' && /ZZPUBLIC\d+X/.test(out)) failures.push(`note leaked into an office ${c.report} report`);
  return `reported-${c.report}`;
}

function runExpressionCase(ctx, c, failures) {
  const { api } = ctx;
  const src = c.src;
  let ast;
  try {
    ast = api.parseExpression(src);
  } catch (e) {
    if (!(e instanceof api.ExpressionSyntaxError)) failures.push(`parseExpression threw ${describeError(e)}`);
    else if (!Number.isInteger(e.offset) || e.offset < 0 || e.offset > src.length) failures.push(`syntax error offset ${e.offset} outside 0..${src.length}`);
  }
  const exprCtx =
    c.context === 'rules'
      ? api.plantRuleContext({ questionIds: ctx.questionIds, subdomains: ctx.profile.model.subdomainIds, sections: new Set(ctx.questionnaire.def.sections.map((s) => s.id)), indicators: new Set(ctx.questionnaire.indicators.map((i) => i.def.id)) })
      : api.questionnaireExpressionContext(ctx.questionIds);
  let checked;
  try {
    checked = api.checkExpression(src, exprCtx);
  } catch (e) {
    failures.push(`checkExpression threw ${describeError(e)}`);
  }
  if (checked && !checked.ok) {
    for (const p of checked.problems) if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > src.length) failures.push(`problem ${p.code} offset ${p.offset} outside 0..${src.length}`);
    if (!checked.problems.length) failures.push('checkExpression: not ok but no problems');
  }
  if (checked && ast === undefined && checked.ok) failures.push('checkExpression accepted what parseExpression rejected');
  if (!ast) return 'syntax-error';
  // Evaluate against the real scopes (answers; scored plant for rules): only plain values may come back. An
  // expression that passed checkExpression (as every expression in a loaded definition has) must also give
  // finite numbers; an unchecked one (wrong arity, unknown names) may not reach evaluate in zhizao, so it need
  // only stay plain.
  const scopes = [api.answerScope(ctx.sampleAnswers.file, ctx.sampleAnswers.resolved)];
  if (ctx.sampleResult) scopes.push(api.plantRuleScope(ctx.questionnaire, ctx.sampleResult, ctx.sampleAnswers));
  for (const scope of scopes) {
    try {
      const v = api.evaluate(ast, scope);
      deepValue(v, failures, `evaluate(${JSON.stringify(src.slice(0, 60))})`, Boolean(checked?.ok));
    } catch (e) {
      failures.push(`evaluate threw ${describeError(e)} for ${JSON.stringify(src.slice(0, 80))}`);
    }
  }
  return checked?.ok ? 'checked-evaluated' : 'problems-evaluated';
}

/**
 * Batch reads YAML with a fast subset parser (src/core/yaml-fast.ts) and falls back to `yaml` when it gives
 * up. Whatever the fast parser accepts must be exactly what `score` (parseSource, i.e. `yaml`) reads, or batch and
 * score would judge the same file differently.
 */
function differential(api, text, parsed, failures) {
  let fast;
  try {
    fast = api.parseAnswerYaml(text);
  } catch (e) {
    failures.push(`parseAnswerYaml threw ${describeError(e)}`);
    return;
  }
  if (fast === undefined) return;
  if (!parsed.ok) {
    const codes = parsed.diagnostics.map((d) => d.code);
    // Size/depth/alias limits are checked by batch before the fast parser runs.
    if (codes.every((k) => k === 'yaml.syntax')) failures.push(`yaml-fast accepted YAML that yaml rejects (${parsed.diagnostics[0]?.args?.detail ?? ''})`);
    return;
  }
  const diff = firstDifference(fast, parsed.source.data, '');
  if (diff !== undefined) failures.push(`yaml-fast and yaml differ at ${diff}`);
}

function firstDifference(a, b, where) {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b)) ? undefined : `${where || '/'} (${a} vs ${b})`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? undefined : `${where || '/'} (${JSON.stringify(a)?.slice(0, 40)} vs ${JSON.stringify(b)?.slice(0, 40)})`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${where || '/'} (list vs map)`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return `${where || '/'} (keys ${JSON.stringify(ka).slice(0, 60)} vs ${JSON.stringify(kb).slice(0, 60)})`;
  for (const k of ka) {
    const d = firstDifference(a[k], b[k], `${where}/${k}`);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** Definitions that read some files from memory and share the compiled bundled ones. */
function memoryDefinitions(ctx, files) {
  const { api } = ctx;
  const base = ctx.defs;
  const isDefault = (id, d) => id === undefined || id === d;
  class MemoryDefinitions extends api.Definitions {
    async source(file) {
      const abs = path.resolve(file);
      if (files.has(abs)) {
        const p = api.parseSource(files.get(abs), api.displayPath(abs), this.limits);
        if (!p.ok) throw new api.InputError(p.diagnostics);
        return p.source;
      }
      return super.source(file);
    }
    model(id) {
      return isDefault(id, api.DEFAULTS.model) ? base.model() : super.model(id);
    }
    questionnaire(id) {
      return isDefault(id, api.DEFAULTS.questionnaire) ? base.questionnaire() : super.questionnaire(id);
    }
    profile(id) {
      return isDefault(id, api.DEFAULTS.profile) ? base.profile() : super.profile(id);
    }
  }
  return new MemoryDefinitions(base.limits);
}

async function runDefinitionCase(ctx, c, failures) {
  const { api } = ctx;
  const abs = path.join(ROOT, '.fuzz-memory', `${++ctx.caseCounter}-${c.file}`);
  const shown = api.displayPath(abs);
  const defs = memoryDefinitions(ctx, new Map([[abs, c.text]]));
  const ds = await defs.validateDefinition(abs);
  checkDiagnostics(api, ds, shown, c.text, failures, { mustHaveError: false });
  if (ds.some((d) => d.severity === 'error')) return `${c.which}-rejected`;
  // It validated: it must also work. Score the example plant with it.
  const kind = YAML.parse(c.text)?.kind;
  try {
    let q = ctx.questionnaire;
    let profile = ctx.profile;
    let targets = ctx.targets;
    let answers = ctx.sampleAnswers;
    if (kind === 'questionnaire') {
      q = await defs.questionnaire(abs);
      const data = { questionnaire: q.def.id, respondent: { company: 'Fuzz', industry: 'discrete' }, answers: Object.fromEntries(q.questions.slice(0, 30).map((x) => [x.id, x.options?.[0]?.value ?? 'unknown'])) };
      const loaded = await api.resolveSource(api.parseSource(JSON.stringify(data), 'a.json').source, defs, abs);
      checkDiagnostics(api, loaded.diagnostics, 'a.json', undefined, failures, { mustHaveError: !loaded.answers });
      if (!loaded.answers) return `${c.which}-accepted-answers-rejected`;
      answers = loaded.answers;
      targets = { ...ctx.targets, targets: [] };
    } else if (kind === 'scoring-profile') profile = await defs.profile(abs);
    else if (kind === 'targets') targets = await defs.targets(abs, q);
    const result = api.buildResult(q, answers, profile, targets);
    checkResult(result, failures);
    if (kind === 'rules') {
      const rules = await defs.rules(abs, q);
      const { recommendations } = api.recommend({ questionnaire: q, result, answers, rules, overrides: answers.file.overrides, scoring: { profile, targets } });
      for (const rec of recommendations) if (!inRange(rec.priority, 0, 100)) failures.push(`recommendation ${rec.id} priority ${rec.priority}`);
    } else if (kind === 'readiness') {
      const r = api.assessReadiness(await defs.readiness(abs, q), q, result, answers);
      if (!Number.isInteger(r.met) || r.met > r.total) failures.push(`readiness met ${r.met}/${r.total}`);
    }
  } catch (e) {
    if (e instanceof api.InputError) failures.push(`validated cleanly but loading it failed: ${e.diagnostics.map((d) => d.code).join(', ')}`);
    else throw e;
  }
  return `${c.which}-accepted-scored`;
}

function runTemplateCase(ctx, c, failures) {
  const { api } = ctx;
  const data = ctx.sampleReport ?? (ctx.sampleReport = api.buildReportData({ questionnaire: ctx.questionnaire, answers: ctx.sampleAnswers, result: api.buildResult(ctx.questionnaire, ctx.sampleAnswers, ctx.profile, ctx.targets), rules: ctx.rules, readiness: ctx.readiness, ...ctx.reportExtras, audience: 'client', tool: 'fuzz' }));
  let out;
  const warn = console.warn;
  const error = console.error;
  const log = console.log;
  const info = console.info;
  console.warn = console.error = console.log = console.info = () => {};
  try {
    out = api.renderTemplate(data.model, 'md', { lang: 'en', template: c.text }, 'report.md.hbs');
  } catch (e) {
    if (!(e instanceof api.TemplateError)) failures.push(`template error is not a located TemplateError: ${describeError(e)}`);
    else if (!Number.isInteger(e.line) || e.line < 1 || !Number.isInteger(e.column) || e.column < 1) failures.push(`TemplateError without a location: ${e.line}:${e.column}`);
    return 'refused';
  } finally {
    console.warn = warn;
    console.error = error;
    console.log = log;
    console.info = info;
  }
  if (/native code|function\s*\w*\s*\(/.test(out)) failures.push(`template reached a prototype value: ${JSON.stringify(out.slice(0, 120))}`);
  return 'rendered';
}

/** Add the scored sample plant to the context (the rule scope needs it). */
export function withSample(ctx) {
  ctx.sampleResult = ctx.api.buildResult(ctx.questionnaire, ctx.sampleAnswers, ctx.profile, ctx.targets);
  return ctx;
}

/** Weighted mix of every case kind, for the long run. */
export function anyCaseArb(ctx) {
  return fc.oneof(
    { weight: 55, arbitrary: answerCaseArb(ctx) },
    { weight: 30, arbitrary: expressionArb(ctx) },
    { weight: 10, arbitrary: definitionCaseArb(ctx) },
    { weight: 5, arbitrary: templateCaseArb() },
  );
}

/**
 * Bugs found by this fuzzer and reported (each has its own failing test, named here). The seeded properties
 * skip them so that they keep hunting for new ones; the long run counts them separately. Remove an entry when
 * its bug is fixed.
 */
export const KNOWN_BUGS = [
];
export const knownBug = (failure) => KNOWN_BUGS.find((k) => k.re.test(failure))?.id;

/** A short signature for grouping failures in a summary. */
export function signature(failure) {
  return failure.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 140);
}
