import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../io/paths.js';
import { escapeMarkdown } from './escape.js';
import { createEnv, mapStrings, type ReportLang, type TemplateFormat } from './handlebars-env.js';
import type { ReportModel } from './model.js';

export interface RenderOptions {
  lang: ReportLang;
  /** A user's own template text (--template); defaults to the bundled one. */
  template?: string;
  extraHelpers?: Parameters<typeof createEnv>[2];
}

export function bundledTemplate(name: string): string {
  return readFileSync(path.join(TEMPLATES_DIR, name), 'utf8');
}

/** Render a report model through a Handlebars template. Markdown data is escaped before rendering, HTML by the engine. */
export function renderTemplate(model: ReportModel | Record<string, unknown>, format: TemplateFormat, opts: RenderOptions, defaultTemplate: string): string {
  const env = createEnv(format, opts.lang, opts.extraHelpers);
  const template = env.compile(opts.template ?? bundledTemplate(defaultTemplate));
  const data = { ...model, lang: opts.lang };
  const safe = format === 'md' ? mapStrings(data, escapeMarkdown) : data;
  return tidy(template(safe), format);
}

function tidy(s: string, format: TemplateFormat): string {
  return format === 'md' ? s.replace(/\n{3,}/g, '\n\n').trimEnd() + '\n' : s;
}

export function renderMarkdown(model: ReportModel, opts: RenderOptions): string {
  return renderTemplate(model, 'md', opts, 'report.md.hbs');
}
