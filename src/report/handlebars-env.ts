import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { isText } from '../core/types.js';
import { cleanText, escapeHtml, escapeMarkdown } from './escape.js';
import { formatMessage, type MessageCode } from '../messages/catalogue.js';

export type ReportLang = 'zh' | 'en' | 'both';
export type TemplateFormat = 'md' | 'html';

/**
 * A template that does not compile or breaks a safety rule, at its position. A rule's breach has a message code of
 * the catalogue (said in the user's language); Handlebars' own errors have only their (English) message.
 */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly rule?: { code: MessageCode; args?: Record<string, string> },
  ) {
    super(message);
  }
}


type HandlebarsModule = typeof Handlebars;
const requireHere = createRequire(import.meta.url);
let compilerModule: HandlebarsModule | undefined;
/**
 * Handlebars' runtime: enough to run a template precompiled at build time (dist/templates/<hash>.cjs, src/report/render.ts). The
 * compiler (parser, code generator, source maps: most of what `handlebars` loads) is loaded only to compile a
 * template at run time: a user's own (--template), or a bundled one whose text changed since the build. (The
 * runtime is bundled into dist/bundle/ and the compiler is not, so a compiled template may run on another copy of
 * the runtime: SafeString is recognised by its toHTML method, not by its class.)
 */
export const handlebarsRuntime = (): HandlebarsModule => HandlebarsRuntime as unknown as HandlebarsModule;
const handlebarsCompiler = (): HandlebarsModule => (compilerModule ??= requireHere('handlebars') as HandlebarsModule);

/** The helpers every template has, before the extra ones a renderer adds (html.ts: the charts). */
const BASE_HELPERS = ['t', 'join', 'eq', 'gt', 'inc', 'len'] as const;

/** Handlebars' compile options for a template: the same at build time (precompiled templates) and at run time. */
function compileOptions(format: TemplateFormat, extraHelperNames: readonly string[]): CompileOptions {
  const knownHelpers = Object.fromEntries([...BASE_HELPERS, ...extraHelperNames].map((k) => [k, true]));
  // Every value a template outputs goes through the container's escapeExpression, which createEnv sets per format:
  // Markdown's backslash escapes or HTML's entities, on text cleaned of what may hide or reorder it
  return { noEscape: false, knownHelpers, knownHelpersOnly: true, strict: false, preventIndent: true };
}
type CompileOptions = Parameters<HandlebarsModule['compile']>[1];

/**
 * What a precompiled template depends on besides its text: Handlebars' version and the compile options. Part of
 * a precompiled module's name, so that after an upgrade or a change of options a stale module is not found (the
 * template is compiled at run time) instead of failing or running with the old options.
 */
export const compileKey = (format: TemplateFormat, extraHelperNames: readonly string[]): string => `${handlebarsRuntime().VERSION}\u0000${JSON.stringify(compileOptions(format, extraHelperNames))}`;

/**
 * Build time (scripts/build-assets.mjs): a template's precompiled spec as JavaScript source, with the checks and
 * options of a run-time compile; throws TemplateError as createEnv(…).compile does.
 */
export function precompileTemplate(format: TemplateFormat, extraHelperNames: readonly string[], source: string): string {
  const hbs = handlebarsCompiler().create();
  try {
    findUnsafe(hbs.parse(source));
    return hbs.precompile(source, compileOptions(format, extraHelperNames)) as string;
  } catch (e) {
    throw asTemplateError(e, source);
  }
}

/**
 * Text for the output format, from untrusted data: HTML entities on text cleaned of controls, bidi overrides and lone
 * surrogates, or Markdown's backslash escapes on text cleaned of controls and bidi overrides.
 */
const escapeFor = (format: TemplateFormat): ((s: unknown) => string) => (format === 'html' ? (s) => escapeHtml(cleanText(s)) : escapeMarkdown);

/** A helper's escaped result (Handlebars' SafeString, recognised by its method: a precompiled template may run on another copy of the runtime). */
const isSafeString = (v: unknown): v is { toHTML(): unknown } => typeof v === 'object' && v !== null && typeof (v as { toHTML?: unknown }).toHTML === 'function';

/**
 * What `{{value}}` writes (the template container's escapeExpression): a helper's SafeString as it is, nothing for
 * null and undefined, any other value as text for the format — strings escaped, numbers and booleans as written.
 * The model is escaped here, as the template reads it, instead of before rendering: a report model holds some three
 * thousand strings (both languages, what the template does not show) and a template writes a few hundred of them.
 */
function outputEscape(format: TemplateFormat): (v: unknown) => string {
  const htmlEntities = handlebarsRuntime().Utils.escapeExpression;
  return (v) => {
    if (v === null || v === undefined) return '';
    if (isSafeString(v)) return String(v.toHTML());
    // a list is written as its items joined with commas, escaped as one text (never as it stands)
    const s = typeof v === 'string' ? v : String(v);
    return format === 'html' ? htmlEntities(cleanText(s)) : escapeMarkdown(s);
  };
}

/**
 * Helpers shared by report templates, and the escaping of every value a template writes (outputEscape); helpers
 * return SafeStrings of text they escaped themselves.
 */
export function createEnv(format: TemplateFormat, lang: ReportLang, extraHelpers: Record<string, Handlebars.HelperDelegate> = {}) {
  const SafeString = handlebarsRuntime().SafeString;
  const wrap = (s: string) => new SafeString(s);
  const esc = escapeFor(format);
  const pick = (v: unknown): string => {
    // a helper's result passed on ({{t (join list)}}) is already escaped
    if (isSafeString(v)) return String(v.toHTML());
    if (!isText(v)) return esc(v ?? '');
    if (lang === 'both') {
      if (v.zh === v.en) return esc(v.zh);
      return format === 'html' ? `<span lang="zh">${esc(v.zh)}</span><span class="en" lang="en">${esc(v.en)}</span>` : `${esc(v.zh)} / ${esc(v.en)}`;
    }
    return esc(v[lang]);
  };
  const helpers: Record<string, Handlebars.HelperDelegate> = {
    t: (v: unknown) => wrap(pick(v)),
    // Items of a project's lists are phrases that may hold 、 or commas of their own: a semicolon keeps them apart (as the DOCX's bullets do)
    // (a separator may be read from the data — {{join list plant.company}} — and is escaped like any value)
    join: (list: unknown, sep: unknown) => wrap((Array.isArray(list) ? list : []).map(pick).join(typeof sep === 'string' ? esc(sep) : lang === 'en' ? '; ' : '；')),
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: unknown, b: unknown) => Number(a) > Number(b),
    inc: (n: unknown) => Number(n) + 1,
    len: (list: unknown) => (Array.isArray(list) ? list.length : 0),
    ...extraHelpers,
  };
  const escape = outputEscape(format);
  const extraNames = Object.keys(extraHelpers).filter((k) => !(BASE_HELPERS as readonly string[]).includes(k));
  // An environment that compiles needs the compiler's create(); one that only runs precompiled specs does not.
  const envs = new Map<boolean, HandlebarsModule>();
  const withHelpers = (compiler: boolean) => {
    let e = envs.get(compiler);
    if (!e) {
      e = (compiler ? handlebarsCompiler() : handlebarsRuntime()).create();
      for (const [name, fn] of Object.entries(helpers)) e.registerHelper(name, fn);
      // every template this environment makes (precompiled, or compiled here: compile() ends in env.template) escapes
      // what it writes with outputEscape, set on the container its code reads escapeExpression from
      const template = e.template.bind(e);
      e.template = ((spec: TemplateSpecification) => template(withEscape(spec, escape))) as HandlebarsModule['template'];
      envs.set(compiler, e);
    }
    return e;
  };

  /** Compile a template; triple-stash (unescaped output) is refused, unknown helpers are compile errors. */
  function compile(source: string): Handlebars.TemplateDelegate {
    const options = compileOptions(format, extraNames);
    const hbs = withHelpers(true);
    try {
      findUnsafe(hbs.parse(source));
      hbs.precompile(source, options); // compile errors (unknown helpers) now, not at the first render
      return hbs.compile(source, options);
    } catch (e) {
      throw asTemplateError(e, source);
    }
  }

  /** A template precompiled at build time by precompileTemplate (with this format and these extra helpers). */
  function fromSpec(spec: TemplateSpecification): Handlebars.TemplateDelegate {
    return withHelpers(false).template(spec);
  }
  return { compile, fromSpec };
}
export type TemplateSpecification = Parameters<HandlebarsModule['template']>[0];

type SpecMain = (container: { escapeExpression: (v: unknown) => string }, ...rest: unknown[]) => unknown;
/** A template spec whose rendering escapes with `escape`: its main program sets it on the container first. */
function withEscape(spec: TemplateSpecification, escape: (v: unknown) => string): TemplateSpecification {
  const { main } = spec as unknown as { main: SpecMain };
  return {
    ...spec,
    main(this: unknown, container: Parameters<SpecMain>[0], ...rest: unknown[]) {
      container.escapeExpression = escape;
      return main.call(this, container, ...rest);
    },
  } as unknown as TemplateSpecification;
}

/**
 * The block helpers a template may use: their output is the template's own text with values written through
 * `{{…}}`. Handlebars writes whatever else a block call returns as it stands ({{#lookup plant "company"}}{{/lookup}}
 * would write the company name unescaped), so other helpers are called inline only.
 */
const BLOCK_HELPERS: ReadonlySet<string> = new Set(['each', 'if', 'unless', 'with']);

/** Refuse unescaped output, partials and decorators (a template is one self-contained file), and blocks of value helpers. */
function findUnsafe(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; escaped?: boolean; path?: { original?: unknown }; loc?: { start: { line: number; column: number } } };
  const at = (code: MessageCode, args: Record<string, string> = {}) => new TemplateError(formatMessage(code, args, 'en'), n.loc?.start.line ?? 1, (n.loc?.start.column ?? 0) + 1, { code, args });
  if (n.type === 'MustacheStatement' && n.escaped === false) throw at('template.triple-stash');
  if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') throw at('template.partial');
  if (n.type === 'DecoratorBlock' || n.type === 'Decorator') throw at('template.decorator');
  // Handlebars' log helper prints its arguments on the console as they stand: into the report itself with -o -
  if ((n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') && n.path?.original === 'log') throw at('template.log');
  if (n.type === 'BlockStatement' && !BLOCK_HELPERS.has(String(n.path?.original))) throw at('template.not-a-block', { helper: String(n.path?.original) });
  for (const v of Object.values(node)) {
    if (Array.isArray(v)) v.forEach(findUnsafe);
    else if (v && typeof v === 'object' && v !== n.loc) findUnsafe(v);
  }
}

/** Handlebars' own errors carry a position in one of several forms; turn them into a located TemplateError. */
function asTemplateError(e: unknown, source: string): TemplateError {
  if (e instanceof TemplateError) return e;
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e).split('\n')[0]!;
  let line = err.lineNumber;
  let column = err.column !== undefined ? err.column + 1 : undefined;
  const parse = /Parse error on line (\d+)/.exec(String(err.message));
  const suffix = / - (\d+):(\d+)$/.exec(message);
  if (line === undefined && parse) line = Number(parse[1]);
  if (line === undefined && suffix) {
    line = Number(suffix[1]);
    column = Number(suffix[2]) + 1;
  }
  if (line === undefined && /Expecting .*got 'EOF'|EOF/.test(String(err.message))) line = source.split('\n').length;
  return new TemplateError(message.replace(/ - \d+:\d+$/, ''), line ?? 1, column ?? 1);
}
