import type { ErrorObject, ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { bilingual, isMessageCode, type MessageCode, type Text } from '../messages/catalogue.js';
import { diag, type Diagnostic } from './diagnostics.js';
import type { Source } from './source.js';

export type SchemaKind = 'questionnaire' | 'answers' | 'targets' | 'model' | 'scoring-profile' | 'rules' | 'readiness' | 'checks' | 'wording' | 'benchmark' | 'policy' | 'sector-pack';

export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const;

/** What of an ajv instance adding the shipped schemas needs. */
export interface SchemaHost {
  addSchema(schema: object): unknown;
  getSchema(key: string): ValidateFunction | undefined;
}

/**
 * Adds a shipped schema to ajv together with every shipped schema it refers to (`"$ref": "zhizao:<kind>#…"`, e.g.
 * a sector pack's items are the rules' items), each once (`added` holds the kinds already there); its validator is
 * then `ajv.getSchema('zhizao:<kind>')`.
 */
export function addSchemaWithRefs(ajv: SchemaHost, kind: SchemaKind, schemas: (kind: SchemaKind) => object, added: Set<SchemaKind> = new Set()): void {
  if (added.has(kind)) return;
  added.add(kind);
  const schema = schemas(kind);
  ajv.addSchema(schema);
  for (const ref of shippedRefs(schema)) addSchemaWithRefs(ajv, ref, schemas, added);
}

/** The kinds of the shipped schemas a schema refers to. */
function shippedRefs(schema: unknown, out = new Set<SchemaKind>()): Set<SchemaKind> {
  if (Array.isArray(schema)) for (const x of schema) shippedRefs(x, out);
  else if (schema && typeof schema === 'object')
    for (const [k, v] of Object.entries(schema)) {
      const m = k === '$ref' && typeof v === 'string' ? /^zhizao:([a-z-]+)#/.exec(v) : null;
      if (m) out.add(m[1] as SchemaKind);
      else shippedRefs(v, out);
    }
  return out;
}

/**
 * Validates data against the shipped JSON Schemas and turns ajv errors into located diagnostics. Uses validators
 * precompiled at build time when `precompiled` has them (start-up), else compiles the schema once with ajv.
 */
export class ShapeValidator {
  private ajv: SchemaHost | undefined;
  private readonly added = new Set<SchemaKind>();
  private readonly compiled = new Map<SchemaKind, ValidateFunction>();

  constructor(
    private readonly schemas: (kind: SchemaKind) => object,
    private readonly precompiled: (kind: SchemaKind) => ValidateFunction | undefined = () => undefined,
  ) {}

  private validator(kind: SchemaKind): ValidateFunction {
    let v = this.compiled.get(kind);
    if (!v) {
      v = this.precompiled(kind);
      if (!v) {
        const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
        this.ajv ??= new Ajv(AJV_OPTIONS);
        addSchemaWithRefs(this.ajv, kind, this.schemas, this.added);
        v = this.ajv.getSchema(`zhizao:${kind}`);
        if (!v) throw new Error(`schemas/${kind}.schema.json has no $id zhizao:${kind}`);
      }
      this.compiled.set(kind, v);
    }
    return v;
  }

  validate(kind: SchemaKind, source: Source): Diagnostic[] {
    const v = this.validator(kind);
    if (kind === 'answers' && validAnswersQuickly(v, source.data)) return [];
    if (v(source.data)) return [];
    return pruneErrors(v.errors ?? []).map((e) => toDiagnostic(e, source, kind));
  }
}

/**
 * The `answers` map of an answer file holds hundreds of entries, and ajv's check of its `anyOf` costs more than the
 * rest of the file (an error object is built for every list answer's failed first branch). When every entry is
 * plainly what schemas/answers.schema.json allows there — a key matching ^[a-z][a-z0-9_]{0,63}$, a string, finite
 * number, boolean or null, or a list of at most 200 strings and finite numbers — the rest of the file is checked by
 * ajv with `answers: null` (which the schema allows, and which no other part of it refers to): the same verdict.
 * Anything else is left to ajv on the whole file, which explains the problems. (tests/unit/shape-answers.test.ts
 * holds this to ajv and pins the schema's answers part.)
 */
export function validAnswersQuickly(v: ValidateFunction, data: unknown): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const answers = (data as { answers?: unknown }).answers;
  if (!Object.prototype.hasOwnProperty.call(data, 'answers') || !plainAnswers(answers)) return false;
  return v({ ...(data as object), answers: null }) === true;
}

function plainAnswers(answers: unknown): boolean {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return false;
  const a = answers as Record<string, unknown>;
  // Object.keys, not for…in: an answers object has hundreds of keys (dictionary mode, where for…in re-checks each key)
  for (const key of Object.keys(a)) {
    if (!answerKey(key)) return false;
    const v = a[key];
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (!Array.isArray(v) || v.length > 200) return false;
    for (const x of v) if (typeof x !== 'string' && !(typeof x === 'number' && Number.isFinite(x))) return false;
  }
  return true;
}

/** ^[a-z][a-z0-9_]{0,63}$ without a regular expression. */
function answerKey(k: string): boolean {
  const n = k.length;
  if (n === 0 || n > 64) return false;
  const c0 = k.charCodeAt(0);
  if (c0 < 97 || c0 > 122) return false;
  for (let i = 1; i < n; i++) {
    const c = k.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95)) return false;
  }
  return true;
}

/** ajv reports every failed branch of anyOf/oneOf; keep the most specific errors per location. */
function pruneErrors(all: ErrorObject[]): ErrorObject[] {
  let errors = all;
  const branchy = new Set(['anyOf', 'oneOf', 'if']);
  // "property name must be valid" only repeats the pattern error that explains it.
  errors = errors.filter((e) => e.keyword !== 'propertyNames');
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const out: ErrorObject[] = [];
  for (const [path, list] of byPath) {
    const hasDeeper = errors.some((e) => e.instancePath.startsWith(path + '/'));
    const specific = list.filter((e) => !branchy.has(e.keyword));
    if (list.some((e) => branchy.has(e.keyword))) {
      // A union failed: one "wrong type" message is clearer than each branch's complaint.
      const types = list.filter((e) => e.keyword === 'type').map((e) => String(e.params.type));
      if (types.length > 0 && !hasDeeper) {
        out.push({ ...list[0]!, keyword: 'type', params: { type: [...new Set(types)].join(', ') } });
        continue;
      }
      out.push(...specific.filter((e) => e.keyword !== 'type' && e.keyword !== 'const'));
      continue;
    }
    out.push(...specific);
  }
  // Drop duplicates of the same message at the same place.
  const seen = new Set<string>();
  return out.filter((e) => {
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** The offending value (ajv's `verbose` data) when it is a plain string or number, for messages that quote the cell. */
const valueArg = (data: unknown): { value?: string } => (typeof data === 'string' || typeof data === 'number' ? { value: String(data) } : {});

/** What a person calls a respondent field (行业类型 for industry): the title its column has in the batch outputs. */
function respondentFieldLabel(name: string): Text | undefined {
  const code = `col.${name}`;
  return isMessageCode(code) ? bilingual(code as MessageCode) : undefined;
}

function toDiagnostic(e: ErrorObject, source: Source, kind?: SchemaKind): Diagnostic {
  const path = pointerToPath(e.instancePath);
  const where = path.length ? path.join('.') : '(top level)';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      // a missing respondent field of an answer file by the name a person gives it (行业类型), its key beside it;
      // located at the field (a table row's column, when the table has one)
      const label = kind === 'answers' && path.length === 1 && path[0] === 'respondent' ? respondentFieldLabel(name) : undefined;
      if (label) return diag('schema.required-field', source.file, source.locate(path, name), { where, name, label_zh: label.zh, label_en: label.en }, 'error', [...path, name]);
      return diag('schema.required', source.file, source.locate(path), { where, name }, 'error', path);
    }
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).join(', ');
      return diag('schema.unknown-key', source.file, source.locate(path, name), { where, name, allowed }, 'error', [...path, name]);
    }
    case 'enum':
      return diag('schema.enum', source.file, source.locate(path), { where, allowed: (p.allowedValues as unknown[]).map(String).join(', '), ...valueArg(e.data) }, 'error', path);
    case 'const':
      return diag('schema.const', source.file, source.locate(path), { where, allowed: String(p.allowedValue) }, 'error', path);
    case 'type':
      return diag('schema.type', source.file, source.locate(path), { where, type: String(p.type), ...valueArg(e.data) }, 'error', path);
    case 'pattern':
      return diag('schema.pattern', source.file, source.locate(path), { where, pattern: String(p.pattern) }, 'error', path);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return diag(`schema.${e.keyword}`, source.file, source.locate(path), { where, limit: Number(p.limit) }, 'error', path);
    default:
      return diag('schema.other', source.file, source.locate(path), { where, detail: e.message ?? e.keyword }, 'error', path);
  }
}
