import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { InputError, diag, type Diagnostic } from '../core/diagnostics.js';
import { compileChecks, type CheckSet } from '../core/checks.js';
import { seedParsedExpressions } from '../core/expression/check.js';
import type { Node } from '../core/expression/parse.js';
import { compileModel, type Model } from '../core/model.js';
import { compileProfile, type Profile } from '../core/profile.js';
import { compileQuestionnaire, confidentialQuestionIds, type Questionnaire } from '../core/questionnaire.js';
import { compileReadiness, type ReadinessProfile } from '../core/readiness-def.js';
import { compileRules, type RuleSet } from '../core/rules-def.js';
import { freeTextQuestions, officeUnseenQuestions, plantRuleContext, type RuleContextIds } from '../core/rule-context.js';
import { ShapeValidator, type SchemaKind } from '../core/shape.js';
import { DEFAULT_LIMITS, lazilyLocated, parseQuick, type Limits, type Source } from '../core/source.js';
import { compileSectorPack, sectorPrerequisiteProblems, type CompiledSectorPack } from '../core/sector.js';
import { compileTargets, type TargetsDef } from '../core/targets.js';
import { PACKAGE_ROOT, SCHEMAS_DIR, displayPath } from './paths.js';
import type { BenchmarkDef } from '../core/benchmark.js';
import { checkWording, type Wording } from '../core/wording.js';
import type { PolicyDef } from '../core/policy.js';
import { readBytes } from './read-input.js';
import { decodeText } from './decode.js';

export type DefinitionKind = Exclude<SchemaKind, 'answers'>;
/** Where the bundled definitions of each kind live, under the package root. */
const FOLDERS: Record<DefinitionKind, string> = {
  questionnaire: 'questionnaires',
  targets: 'questionnaires/targets',
  model: 'questionnaires/models',
  'scoring-profile': 'questionnaires/profiles',
  rules: 'questionnaires/rules',
  readiness: 'questionnaires/readiness',
  benchmark: 'questionnaires/benchmarks',
  policy: 'questionnaires/policy',
  wording: 'report-templates',
  checks: 'questionnaires/checks',
  'sector-pack': 'questionnaires/sectors',
};
/** Whether a `kind:` names a definition file (a questionnaire, rules, wording…): not an answer file. */
export const isDefinitionKind = (kind: unknown): kind is DefinitionKind => typeof kind === 'string' && Object.prototype.hasOwnProperty.call(FOLDERS, kind);

export const DEFAULTS = {
  questionnaire: 'smart-manufacturing',
  targets: 'zhengzhou-2020',
  profile: 'gbt39117-2020-practice',
  model: 'cmmm-2020',
  rules: 'default',
  readiness: ['smart-workshop', 'smart-factory'],
  wording: 'wording',
  benchmark: 'cmmm-distribution',
  policy: 'zhengzhou-2018',
  checks: 'default',
} as const;

const requireHere = createRequire(import.meta.url);
let shape: ShapeValidator | undefined;
/** The shape validator, using the validators precompiled by scripts/build-assets.mjs when they are there. */
export function shapeValidator(): ShapeValidator {
  shape ??= new ShapeValidator(
    (kind) => JSON.parse(readFileSync(path.join(SCHEMAS_DIR, `${kind}.schema.json`), 'utf8')) as object,
    (kind) => {
      try {
        const mod = requireHere(`../validators/${kind}.cjs`) as ValidateFunction | { default: ValidateFunction };
        return typeof mod === 'function' ? mod : mod.default;
      } catch {
        return undefined;
      }
    },
  );
  return shape;
}

interface BundledEntry {
  sha256: string;
  data: unknown;
  /** The trees of the expressions in it, by their text, as the build's parser made them (scripts/build-assets.mjs). */
  expressions?: [string, Node][];
}
/**
 * How dist/bundled/*.json is encoded: UTF-16LE, the engine's own form of a string with Chinese in it, so that reading
 * one is a copy. Decoding the same JSON from UTF-8 took ≈ 8 of a report's 190 ms (the rules' 0.7 MB alone ≈ 3 ms);
 * as UTF-16 the files are twice as large (≈ 3.5 MB) and read in ≈ 60 % of the time. Written by scripts/build-assets.mjs.
 */
export const BUNDLED_ENCODING = 'utf16le';

/**
 * A bundled definition parsed and checked at build time (dist/bundled/<path under the package root>.json), when its
 * text is the one the build saw. One file per definition: a command reads only the definitions it uses (`score`
 * never parses the rules and sector packs). Each call parses afresh, so the caller owns the data.
 */
function bundledEntry(file: string, content: string | Buffer): BundledEntry | undefined {
  const rel = path.relative(PACKAGE_ROOT, file).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  let entry: BundledEntry;
  try {
    entry = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'dist', 'bundled', `${rel}.json`), BUNDLED_ENCODING)) as BundledEntry;
  } catch {
    return undefined;
  }
  // the build hashed the file's UTF-8 text, which is its bytes
  return entry.sha256 === createHash('sha256').update(content).digest('hex') ? entry : undefined;
}

/** A value names a file (rather than a bundled id) when it has a path separator or a file extension. */
export const looksLikePath = (v: string) => /[\\/]/.test(v) || /\.(ya?ml|json)$/i.test(v);

/** Loads bundled and custom definitions, validates them and caches the compiled result. */
export class Definitions {
  private readonly cache = new Map<string, Promise<unknown>>();
  constructor(readonly limits: Limits = DEFAULT_LIMITS) {}

  /** Sources whose shape was checked at build time (bundled, unchanged definitions). */
  private readonly checkedAtBuild = new WeakSet<Source>();

  async source(file: string): Promise<Source> {
    const r = await readBytes(file, displayPath(file), this.limits);
    if (!r.ok) throw new InputError(r.diagnostics);
    // A bundled definition unchanged since the build is not even decoded, unless a problem has to be located.
    const pre = bundledEntry(path.resolve(file), r.bytes);
    if (pre) return this.prechecked(displayPath(file), pre, () => decodeText(r.bytes).text);
    return this.parsed(file, decodeText(r.bytes).text);
  }

  /** The source of a file whose text is already read (throws InputError when it does not parse). */
  sourceOf(file: string, text: string): Source {
    const pre = bundledEntry(path.resolve(file), text);
    return pre ? this.prechecked(displayPath(file), pre, text) : this.parsed(file, text);
  }

  private prechecked(shown: string, pre: BundledEntry, text: string | (() => string)): Source {
    // Only speed depends on the build's trees: a damaged list is ignored (every expression is then parsed from its text).
    if (Array.isArray(pre.expressions)) {
      try {
        seedParsedExpressions(pre.expressions);
      } catch {
        /* parsed from the text instead */
      }
    }
    const source = lazilyLocated(shown, pre.data, text, this.limits);
    this.checkedAtBuild.add(source);
    return source;
  }

  private parsed(file: string, text: string): Source {
    const p = parseQuick(text, displayPath(file), { json: /\.json$/i.test(file), limits: this.limits });
    if (!p.ok) throw new InputError(p.diagnostics);
    return p.source;
  }

  bundledPath(kind: DefinitionKind, id: string): string {
    return path.join(PACKAGE_ROOT, FOLDERS[kind], `${id}.yaml`);
  }

  async bundledIds(kind: DefinitionKind): Promise<string[]> {
    const dir = path.join(PACKAGE_ROOT, FOLDERS[kind]);
    // synchronous: a command's start-up waits for it anyway, and no thread-pool round trip is spent
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      names = [];
    }
    // A file whose name starts with `_` is a draft kept beside the definitions, never loaded.
    return names.filter((n) => n.endsWith('.yaml') && !n.startsWith('_')).map((n) => n.slice(0, -5)).sort();
  }

  /** Resolve `ID|PATH` for a definition kind to a file path, or explain what ids exist. */
  async resolve(kind: DefinitionKind, idOrPath: string): Promise<string> {
    if (looksLikePath(idOrPath)) return path.resolve(idOrPath);
    const ids = await this.bundledIds(kind);
    if (!ids.includes(idOrPath)) {
      const code = kind === 'questionnaire' ? 'answers.unknown-questionnaire' : 'def.unknown-definition';
      throw new InputError([diag(code, idOrPath, { line: 1, column: 1 }, { kind, id: idOrPath, known: ids.join(', ') })]);
    }
    return this.bundledPath(kind, idOrPath);
  }

  /** One load per key, also when several callers ask at once (Promise.all): the promise is what is kept. */
  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let loading = this.cache.get(key) as Promise<T> | undefined;
    if (!loading) {
      loading = load();
      this.cache.set(key, loading);
      // a definition that failed to load is tried again by the next caller, as before
      loading.catch(() => this.cache.delete(key));
    }
    return loading;
  }

  /** Parse, check the shape, and check `kind:`; throws InputError with every problem. */
  async checkedSource(file: string, kind: SchemaKind): Promise<Source> {
    const src = await this.source(file);
    const data = src.data as { kind?: unknown } | null;
    if (kind !== 'answers' && (typeof data !== 'object' || data === null || data.kind !== kind)) {
      throw new InputError([diag('schema.const', src.file, src.locate(['kind']), { where: 'kind', allowed: kind })]);
    }
    if (this.checkedAtBuild.has(src)) return src;
    const ds = shapeValidator().validate(kind, src);
    if (ds.length) throw new InputError(ds);
    return src;
  }

  model(idOrPath: string = DEFAULTS.model): Promise<Model> {
    return this.cached(`model:${idOrPath}`, async () => {
      const src = await this.checkedSource(await this.resolve('model', idOrPath), 'model');
      return unwrap(compileModel(src), 'model');
    });
  }

  questionnaire(idOrPath: string = DEFAULTS.questionnaire): Promise<Questionnaire> {
    return this.cached(`questionnaire:${idOrPath}`, async () => {
      const file = await this.resolve('questionnaire', idOrPath);
      const model = await this.model();
      const src = await this.checkedSource(file, 'questionnaire');
      return unwrap(compileQuestionnaire(src, model.subdomainIds), 'questionnaire');
    });
  }

  profile(idOrPath: string = DEFAULTS.profile): Promise<Profile> {
    return this.cached(`profile:${idOrPath}`, async () => {
      const file = await this.resolve('scoring-profile', idOrPath);
      const src = await this.checkedSource(file, 'scoring-profile');
      const model = await this.model(relativeRef(String((src.data as { model: string }).model), file));
      return unwrap(compileProfile(src, model), 'profile');
    });
  }

  /** A target profile; targets for indicators a questionnaire does not have are simply not compared. */
  targets(idOrPath: string = DEFAULTS.targets): Promise<TargetsDef> {
    return this.cached(`targets:${idOrPath}`, async () => {
      const src = await this.checkedSource(await this.resolve('targets', idOrPath), 'targets');
      return unwrap(compileTargets(src), 'targets');
    });
  }

  async ruleIds(questionnaire: Questionnaire): Promise<RuleContextIds> {
    const [model, policy] = await Promise.all([this.model(), this.policy()]);
    return {
      questionIds: [...questionnaire.byId.keys()],
      questionTypes: new Map(questionnaire.questions.map((x) => [x.id, x.type])),
      confidentialQuestions: confidentialQuestionIds(questionnaire),
      subdomains: model.subdomainIds,
      sections: new Set(questionnaire.def.sections.map((s) => s.id)),
      indicators: new Set(questionnaire.indicators.map((i) => i.def.id)),
      programmes: new Set(policy.programmes.map((p) => p.id)),
      userProgrammes: new Map(policy.programmes.map((p) => [p.id, p.userProgramme])),
      support: new Set(policy.support.map((s) => s.id)),
    };
  }

  rules(idOrPath: string = DEFAULTS.rules, questionnaire: Questionnaire): Promise<RuleSet> {
    return this.cached(`rules:${idOrPath}:${questionnaire.def.id}`, async () => {
      const src = await this.checkedSource(await this.resolve('rules', idOrPath), 'rules');
      const ids = await this.ruleIds(questionnaire);
      return compiledUnlocated(src, (s) => compileRules(s, ids), 'rules');
    });
  }

  readiness(idOrPath: string, questionnaire: Questionnaire): Promise<ReadinessProfile> {
    return this.cached(`readiness:${idOrPath}:${questionnaire.def.id}`, async () => {
      const src = await this.checkedSource(await this.resolve('readiness', idOrPath), 'readiness');
      return unwrap(compileReadiness(src, await this.ruleIds(questionnaire)), 'readiness');
    });
  }

  /** The report's fixed wording (report-templates/wording.yaml, or a consultant's own file). */
  wording(idOrPath: string = DEFAULTS.wording): Promise<Wording> {
    return this.cached(`wording:${idOrPath}`, async () => {
      const src = await this.checkedSource(await this.resolve('wording', idOrPath), 'wording');
      const ds = checkWording(src);
      if (ds.length) throw new InputError(ds);
      return src.data as Wording;
    });
  }

  /** A published distribution of levels to place a plant against (questionnaires/benchmarks/). */
  benchmark(idOrPath: string = DEFAULTS.benchmark): Promise<BenchmarkDef> {
    return this.cached(`benchmark:${idOrPath}`, async () => (await this.checkedSource(await this.resolve('benchmark', idOrPath), 'benchmark')).data as BenchmarkDef);
  }

  /** An action plan as data: programmes, support schemes with their validity, count targets. */
  policy(idOrPath: string = DEFAULTS.policy): Promise<PolicyDef> {
    return this.cached(`policy:${idOrPath}`, async () => (await this.checkedSource(await this.resolve('policy', idOrPath), 'policy')).data as PolicyDef);
  }

  /** Every bundled sector pack, compiled against a questionnaire (their conditions name its questions). */
  sectorPacks(questionnaire: Questionnaire): Promise<CompiledSectorPack[]> {
    return this.cached(`sector-packs:${questionnaire.def.id}:${questionnaire.def.version}`, async () => {
      const ids = await this.ruleIds(questionnaire);
      const ctx = plantRuleContext(ids);
      // the same for every pack: found once (each is a pass over the questionnaire's questions)
      const unseen = officeUnseenQuestions(ids);
      const freeText = freeTextQuestions(ids);
      const packs: CompiledSectorPack[] = [];
      for (const id of await this.bundledIds('sector-pack')) {
        const src = await this.checkedSource(this.bundledPath('sector-pack', id), 'sector-pack');
        packs.push(unwrap(compileSectorPack(src, ctx, unseen, freeText), 'pack'));
      }
      return packs;
    });
  }

  /** A checks file compiled against a questionnaire (which must be the one the file names). */
  checks(idOrPath: string = DEFAULTS.checks, questionnaire: Questionnaire): Promise<CheckSet> {
    return this.cached(`checks:${idOrPath}:${questionnaire.def.id}`, async () => {
      const src = await this.checkedSource(await this.resolve('checks', idOrPath), 'checks');
      return unwrap(compileChecks(src, questionnaire), 'checks');
    });
  }

  /** Every bundled checks file written for this questionnaire (none for a questionnaire of one's own). */
  checksFor(questionnaire: Questionnaire): Promise<CheckSet[]> {
    return this.cached(`checks-for:${questionnaire.def.id}:${questionnaire.def.version}`, async () => {
      const sets: CheckSet[] = [];
      for (const id of await this.bundledIds('checks')) {
        const src = await this.checkedSource(this.bundledPath('checks', id), 'checks');
        if ((src.data as { questionnaire?: unknown }).questionnaire !== questionnaire.def.id) continue;
        sets.push(unwrap(compileChecks(src, questionnaire), 'checks'));
      }
      return sets;
    });
  }

  /** Validate any definition file by its `kind:`; returns every diagnostic (warnings included). */
  async validateDefinition(file: string): Promise<Diagnostic[]> {
    try {
      const src = await this.source(file);
      const kind = (src.data as { kind?: unknown } | null)?.kind;
      if (typeof kind !== 'string' || !(kind in FOLDERS)) return [diag('def.kind', src.file, src.locate(['kind']), { known: Object.keys(FOLDERS).join(', ') })];
      const shapeDs = shapeValidator().validate(kind as SchemaKind, src);
      if (shapeDs.length) return shapeDs;
      switch (kind as DefinitionKind) {
        case 'questionnaire':
          return compileQuestionnaire(src, (await this.model()).subdomainIds).diagnostics;
        case 'model':
          return compileModel(src).diagnostics;
        case 'scoring-profile': {
          const model = await this.model(relativeRef(String((src.data as { model: string }).model), file));
          return compileProfile(src, model).diagnostics;
        }
        case 'targets': {
          const q = await this.questionnaire();
          return compileTargets(src, new Set(q.indicators.map((i) => i.def.id))).diagnostics;
        }
        case 'rules':
          return compileRules(src, await this.ruleIds(await this.questionnaire())).diagnostics;
        case 'readiness':
          return compileReadiness(src, await this.ruleIds(await this.questionnaire())).diagnostics;
        case 'checks': {
          const named = String((src.data as { questionnaire: string }).questionnaire);
          const q = await this.questionnaire(named).catch((e: unknown) => {
            if (e instanceof InputError) throw new InputError(e.diagnostics.map((d) => (d.code === 'answers.unknown-questionnaire' ? { ...d, file: src.file, ...src.locate(['questionnaire']) } : d)));
            throw e;
          });
          return compileChecks(src, q).diagnostics;
        }
        case 'sector-pack': {
          const q = await this.questionnaire();
          const ids = await this.ruleIds(q);
          const compiled = compileSectorPack(src, plantRuleContext(ids), officeUnseenQuestions(ids), freeTextQuestions(ids));
          if (!compiled.pack) return compiled.diagnostics;
          // against the bundled rules, which the packs are used with
          const rules = await this.rules(DEFAULTS.rules, q);
          return [...compiled.diagnostics, ...sectorPrerequisiteProblems(src, compiled.pack.def, new Map(rules.rules.map((r) => [r.def.id, r.def.prerequisites ?? []])))];
        }
        case 'wording':
          return checkWording(src);
        case 'benchmark':
        case 'policy':
          return [];
      }
    } catch (e) {
      if (e instanceof InputError) return e.diagnostics;
      throw e;
    }
  }
}

/** A profile names its model by bundled id, or by a path relative to the profile file. */
function relativeRef(ref: string, fromFile: string): string {
  return looksLikePath(ref) ? path.resolve(path.dirname(fromFile), ref) : ref;
}

const NOWHERE = Object.freeze({ line: 0, column: 0 });
/**
 * Compile a definition without locating its warnings: they are dropped on success (see unwrap), and locating one
 * re-parses the whole file with positions (≈ 0.8 s for the bundled rules, in every worker). When the definition
 * has an error it is compiled again from the real source, so that every error is reported where it is.
 */
function compiledUnlocated<T>(src: Source, compile: (s: Source) => { diagnostics: Diagnostic[] } & Partial<Record<string, unknown>>, key: string): T {
  const quick = compile({ file: src.file, data: src.data, locate: () => NOWHERE });
  const v = quick[key] as T | undefined;
  return v !== undefined && !quick.diagnostics.some((d) => d.severity === 'error') ? v : unwrap(compile(src), key);
}

function unwrap<T>(r: { diagnostics: Diagnostic[] } & Partial<Record<string, unknown>>, key: string): T {
  const v = r[key] as T | undefined;
  if (v === undefined) throw new InputError(r.diagnostics);
  return v;
}
