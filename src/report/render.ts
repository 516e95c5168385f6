import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import path from 'node:path';
import { TEMPLATES_DIR } from '../io/paths.js';
import { compileKey, createEnv, type ReportLang, type TemplateFormat, type TemplateSpecification } from './handlebars-env.js';
import type { ReportModel } from './model.js';

export interface RenderOptions {
  lang: ReportLang;
  /** A user's own template text (--template); defaults to the bundled one. */
  template?: string;
  extraHelpers?: Parameters<typeof createEnv>[2];
}

const templateTexts = new Map<string, string>();
/** A bundled template's text, read once per process. */
export function bundledTemplate(name: string): string {
  let text = templateTexts.get(name);
  if (text === undefined) templateTexts.set(name, (text = readFileSync(path.join(TEMPLATES_DIR, name), 'utf8')));
  return text;
}

/**
 * The bundled templates precompiled at build time (scripts/build-assets.mjs), one CommonJS module each:
 * dist/templates/<precompiledName>.cjs exports the spec. Compiling the HTML template was most of a report's start-up
 * (≈ 0.3 s); running a precompiled spec needs only Handlebars' runtime. The name is a hash of the format, the extra
 * helpers, Handlebars' version and compile options (compileKey) and the template text: a template whose text
 * changed since the build (or a user's own) finds no module and is compiled at run time, as are all templates when
 * the modules are absent (tests run from src/).
 */
export const precompiledName = (format: TemplateFormat, extraHelperNames: string, source: string) =>
  createHash('sha256').update(`${format}\u0000${extraHelperNames}\u0000${compileKey(format, extraHelperNames ? extraHelperNames.split(',') : [])}\u0000${source}`).digest('hex').slice(0, 32);
function precompiledSpec(format: TemplateFormat, extraHelperNames: string, source: string): TemplateSpecification | undefined {
  try {
    // dist/report/render.js and the bundled chunks in dist/bundle/ both sit two levels under the package root.
    return createRequire(import.meta.url)(`../templates/${precompiledName(format, extraHelperNames, source)}.cjs`) as TemplateSpecification;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}

/**
 * Compiled templates, kept per process (and so per batch worker): compiling costs several times a render. Keyed by
 * format, language, the names of the extra helpers and the template text. Extra helpers are bound to one report's
 * data (chart labels), so each render passes its own as runtime helpers, which take precedence over the ones the
 * template was first compiled with.
 */
const compiledTemplates = new Map<string, Handlebars.TemplateDelegate>();
const MAX_COMPILED = 16;

function compiledTemplate(format: TemplateFormat, opts: RenderOptions, source: string): Handlebars.TemplateDelegate {
  const helperNames = Object.keys(opts.extraHelpers ?? {}).sort().join(',');
  const key = `${format}\u0000${opts.lang}\u0000${helperNames}\u0000${source}`;
  let template = compiledTemplates.get(key);
  if (!template) {
    const env = createEnv(format, opts.lang, opts.extraHelpers);
    const spec = precompiledSpec(format, helperNames, source);
    template = spec ? env.fromSpec(spec) : env.compile(source);
    if (compiledTemplates.size >= MAX_COMPILED) compiledTemplates.delete(compiledTemplates.keys().next().value!);
    compiledTemplates.set(key, template);
  }
  return template;
}

/** Render a report model through a Handlebars template; every value it writes is escaped for the format as it is written. */
export function renderTemplate(model: ReportModel | Record<string, unknown>, format: TemplateFormat, opts: RenderOptions, defaultTemplate: string): string {
  const template = compiledTemplate(format, opts, opts.template ?? bundledTemplate(defaultTemplate));
  // the template's environment escapes every value it writes (handlebars-env.ts, outputEscape)
  return tidy(template({ ...model, lang: opts.lang }, opts.extraHelpers ? { helpers: opts.extraHelpers } : undefined), format);
}

/** Markdown: LF line ends (a template saved with CRLF, as Notepad and a Windows checkout do), runs of blank lines collapsed to one. */
function tidy(s: string, format: TemplateFormat): string {
  return format === 'md' ? s.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n' : s;
}

export function renderMarkdown(model: ReportModel, opts: RenderOptions): string {
  return renderTemplate(model, 'md', opts, 'report.md.hbs');
}
