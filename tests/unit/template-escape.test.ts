// Every value a report template writes is escaped as it is written (src/report/handlebars-env.ts, outputEscape),
// not by a pass over the model before rendering: whatever a template reads — a field, a list, an item of a loop,
// a number, a helper's result — reaches the Markdown or HTML escaped, and a SafeString from a helper as it is.
import { describe, expect, it } from 'vitest';
import { createEnv, precompileTemplate, TemplateError } from '../../src/report/handlebars-env';

const data = {
  a: '*粗* [链接](http://x) a|b',
  list: ['[l](u)', '_y_', '<b>'],
  n: 3.5,
  no: false,
  none: null,
  title: { zh: '# 标题\u202E', en: '<i>x</i> & y' },
  id: 'cnc_rate',
};
const template = '{{a}}|{{list}}|{{#each list}}({{this}}){{/each}}|{{n}}|{{no}}|{{none}}|{{t title}}|{{join list}}|{{id}}|{{#if (eq id "cnc_rate")}}eq{{/if}}';

describe('report templates escape every value they write', () => {
  it('Markdown: backslash escapes on fields, lists, loop items and helper results; numbers and booleans as written', () => {
    const out = createEnv('md', 'zh').compile(template)(data);
    expect(out).toBe(
      '\\*粗\\* \\[链接\\](http:\\/\\/x) a\\|b|\\[l\\](u),\\_y\\_,\\<b>|(\\[l\\](u))(\\_y\\_)(\\<b>)|3.5|false||\\# 标题|\\[l\\](u)；\\_y\\_；\\<b>|cnc_rate|eq',
    );
  });

  it('HTML: entities on text cleaned of bidi overrides and lone surrogates; the same in both languages', () => {
    const out = createEnv('html', 'both').compile(template)({ ...data, a: 'x\uD800<y>\u202E' });
    expect(out).toBe(
      'x\uFFFD&lt;y&gt;|[l](u),_y_,&lt;b&gt;|([l](u))(_y_)(&lt;b&gt;)|3.5|false||<span lang="zh"># 标题</span><span class="en" lang="en">&lt;i&gt;x&lt;/i&gt; &amp; y</span>|[l](u)；_y_；&lt;b&gt;|cnc_rate|eq',
    );
  });
});

describe('what a template cannot do to get around the escaping', () => {
  it('a block call of a helper that returns a value ({{#lookup}}…{{/lookup}}, whose result Handlebars writes as it stands) is refused, at run time and at build time', () => {
    for (const format of ['md', 'html'] as const) {
      for (const source of ['{{#lookup plant "company"}}{{/lookup}}', '{{#t title}}{{/t}}', '{{#join list}}{{/join}}', '{{#eq a b}}{{/eq}}', '{{#plant}}{{company}}{{/plant}}']) {
        expect(() => createEnv(format, 'zh').compile(source)).toThrow(TemplateError);
        expect(() => createEnv(format, 'zh').compile(source)).toThrow(/is not a block/);
        expect(() => precompileTemplate(format, [], source)).toThrow(/is not a block/);
      }
      // each, if, unless and with open blocks as before
      const blocks = '{{#each list}}{{#if this}}{{#unless @root.no}}{{#with @root.title}}{{zh}}{{/with}}{{/unless}}{{/if}}{{/each}}';
      expect(createEnv(format, 'zh').compile(blocks)(data)).toBe((format === 'md' ? '\\# 标题' : '# 标题').repeat(3));
    }
  });

  it('{{log}}, which prints its arguments on the console as they stand (into the report with -o -), is refused', () => {
    for (const source of ['{{log plant.company}}', '{{#if (log x)}}{{/if}}']) {
      expect(() => createEnv('md', 'zh').compile(source)).toThrow(/log/);
      expect(() => precompileTemplate('html', [], source)).toThrow(/log/);
    }
  });

  it("join's separator read from the data is escaped like any value", () => {
    const sep = { ...data, sep: '<script>' };
    expect(createEnv('md', 'zh').compile('{{join list sep}}')(sep)).toBe('\\[l\\](u)\\<script>\\_y\\_\\<script>\\<b>');
    expect(createEnv('html', 'zh').compile('{{join list sep}}')(sep)).toBe('[l](u)&lt;script&gt;_y_&lt;script&gt;&lt;b&gt;');
  });

  it("a helper's result passed to another is escaped once (no visible backslashes or &amp;lt;)", () => {
    for (const format of ['md', 'html'] as const) {
      const env = createEnv(format, 'zh');
      expect(env.compile('{{t (t title)}}')(data)).toBe(env.compile('{{t title}}')(data));
      expect(env.compile('{{t (join list)}}')(data)).toBe(env.compile('{{join list}}')(data));
    }
  });
});
