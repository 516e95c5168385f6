import Handlebars from 'handlebars';
import { isText } from '../core/types.js';
import { escapeHtml } from './escape.js';

export type ReportLang = 'zh' | 'en' | 'both';
export type TemplateFormat = 'md' | 'html';

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}


/** Helpers shared by report templates; HTML helpers return escaped SafeStrings, Markdown data is escaped beforehand. */
export function createEnv(format: TemplateFormat, lang: ReportLang, extraHelpers: Record<string, Handlebars.HelperDelegate> = {}) {
  const hbs = Handlebars.create();
  const wrap = (s: string) => (format === 'html' ? new hbs.SafeString(s) : s);
  const pick = (v: unknown): string => {
    if (!isText(v)) return format === 'html' ? escapeHtml(v ?? '') : String(v ?? '');
    const esc = (s: string) => (format === 'html' ? escapeHtml(s) : s);
    if (lang === 'both') {
      if (v.zh === v.en) return esc(v.zh);
      return format === 'html' ? `<span lang="zh">${esc(v.zh)}</span><span class="en" lang="en">${esc(v.en)}</span>` : `${v.zh} / ${v.en}`;
    }
    return esc(v[lang]);
  };
  const helpers: Record<string, Handlebars.HelperDelegate> = {
    t: (v: unknown) => wrap(pick(v)),
    join: (list: unknown, sep: unknown) => wrap((Array.isArray(list) ? list : []).map(pick).join(typeof sep === 'string' ? sep : lang === 'en' ? ', ' : '、')),
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: unknown, b: unknown) => Number(a) > Number(b),
    inc: (n: unknown) => Number(n) + 1,
    len: (list: unknown) => (Array.isArray(list) ? list.length : 0),
    ...extraHelpers,
  };
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
  const knownHelpers = Object.fromEntries(Object.keys(helpers).map((k) => [k, true]));

  /** Compile a template; triple-stash (unescaped output) is refused, unknown helpers are compile errors. */
  function compile(source: string): Handlebars.TemplateDelegate {
    const options = { noEscape: format === 'md', knownHelpers, knownHelpersOnly: true, strict: false, preventIndent: true };
    try {
      findUnsafe(hbs.parse(source));
      hbs.precompile(source, options); // compile errors (unknown helpers) now, not at the first render
      return hbs.compile(source, options);
    } catch (e) {
      throw asTemplateError(e, source);
    }
  }
  return { hbs, compile };
}

/** Refuse unescaped output and partials (a template is one self-contained file). */
function findUnsafe(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; escaped?: boolean; loc?: { start: { line: number; column: number } } };
  const at = (msg: string) => new TemplateError(msg, n.loc?.start.line ?? 1, (n.loc?.start.column ?? 0) + 1);
  if (n.type === 'MustacheStatement' && n.escaped === false) throw at('triple-stash {{{…}}} and {{&…}} are not allowed: every value is escaped');
  if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') throw at('partials {{> …}} are not allowed: a template is one file');
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

/** Apply `f` to every string in plain data (used to pre-escape a model for Markdown). */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, f);
    return out as T;
  }
  return value;
}
