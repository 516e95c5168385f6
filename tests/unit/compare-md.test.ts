import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/core/compare';
import { buildResult } from '../../src/core/result';
import type { AnswerFile } from '../../src/core/types';
import { signedPct } from '../../src/report/compare/format';
import { renderCompareHtml } from '../../src/report/compare/html';
import { renderCompareMarkdown } from '../../src/report/compare/markdown';
import { escapeHtml as htmlEscape, escapeMarkdown as mdEscape } from '../../src/report/escape';
import { mustAnswers, profile, questionnaire, read, targets } from '../helpers/defs';

describe('Markdown escaping of user text', () => {
  it('escapes with Markdown backslashes only (no HTML entities in the raw file), words keep their underscores', () => {
    expect(mdEscape('a*b c_')).toBe('a\\*b c\\_');
    expect(mdEscape('req_recipe_management')).toBe('req_recipe_management');
    expect(mdEscape('[x](http://evil)')).toBe('\\[x\\](http:\\/\\/evil)');
    expect(mdEscape('<script>alert(1)</script>')).toBe('\\<script>alert(1)\\</script>');
    expect(mdEscape('> 50.0%')).toBe('\\> 50.0%');
    expect(mdEscape('优先级<40，S > 1.8')).toBe('优先级<40，S > 1.8');
    expect(mdEscape('A & B')).toBe('A & B');
    expect(mdEscape('&lt;')).toBe('\\&lt;');
    expect(mdEscape('# head | cell `code` \\')).toBe('\\# head \\| cell \\`code\\` \\\\');
    expect(mdEscape('line\nbreak')).toBe('line break');
    expect(mdEscape('- item')).toBe('\\- item');
    expect(mdEscape('1. item')).toBe('\\1. item');
    expect(mdEscape('2025-06')).toBe('2025-06');
    expect(mdEscape('see www.evil.cn')).toBe('see www\\.evil.cn');
    expect(mdEscape('a\u202Eb')).toBe('ab');
    expect(htmlEscape('<a href="x">')).toBe('&lt;a href&#61;&quot;x&quot;&gt;');
  });

  it('signed percentages', () => {
    expect(signedPct(0.35)).toBe('+35.0%');
    expect(signedPct(-0.25)).toBe('-25.0%');
    expect(signedPct(0)).toBe('0.0%');
    expect(signedPct(-0.1667, 2)).toBe('-16.67%');
    expect(signedPct(null)).toBe('—');
  });
});

describe('the progress report', () => {
  const q = questionnaire('tests/fixtures/compare/kpi-questionnaire.yaml');
  const p = profile();
  const t = targets('zhengzhou-2020');
  const hostile = '<img src=x onerror=alert(1)> *Evil* | Co [x](javascript:y)';
  const b = parse(read('tests/fixtures/compare/baseline.yaml')) as AnswerFile;
  const f = parse(read('tests/fixtures/compare/followup.yaml')) as AnswerFile;
  b.respondent.company = hostile;
  f.respondent.company = hostile;
  f.kpis = { period: '2025', units: { kpi_output_per_worker: '万元/人·年', kpi_operating_cost: '<b>元</b>|件' } };
  const ba = mustAnswers(q, b);
  const fa = mustAnswers(q, f);
  const c = compareResults(buildResult(q, ba, p, t), buildResult(q, fa, p, t), ba, fa, t, { baselineName: 'a|b.yaml', followupName: 'f.yaml' });

  it('is labelled as measured against the benchmark-project targets, in both languages', () => {
    expect(renderCompareMarkdown(c, 'en')).toContain('benchmark-project');
    expect(renderCompareMarkdown(c, 'zh')).toContain('标杆项目');
  });

  it('never lets user text through as markup', () => {
    const md = renderCompareMarkdown(c, 'en');
    // Raw Markdown: every `<` that could open a tag is backslash-escaped, so nothing renders as markup.
    expect(md).not.toMatch(/(^|[^\\])<(img|b)\b|[^\\]\]\(javascript/);
    expect(md).toContain('\\<img src=x onerror=alert(1)> \\*Evil\\* \\| Co \\[x\\](javascript:y)');
    expect(md).toContain('a\\|b.yaml');
    // every table row keeps its column count: no cell break leaked from user text
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      expect(cells).toBeGreaterThanOrEqual(4);
    }
    const kpiRows = md.split('\n').filter((l) => l.startsWith('| ') && /Operating cost|Output per worker/.test(l));
    for (const r of kpiRows) expect(r.replace(/\\\|/g, '').split('|').length).toBe(8);
  });

  it('shows the KPI rows with changes, targets and results', () => {
    const md = renderCompareMarkdown(c, 'en');
    expect(md).toMatch(/\| Output per worker \(productivity\) \| 50 .* \| \+30\.0% \| ≥ \+30\.00% \| ✓ target met \|/);
    expect(md).toMatch(/Operating cost \| 2000 元\/件 \| 1500 \\<b>元\\<\/b>\\\|件 \| — \| .* refused: units differ/);
    expect(md).toMatch(/Energy per unit of output .* -16\.7% \| ≤ -16\.67% \| ✓ target met/);
  });

  it('HTML: self-contained, escaped, with a CSP that forbids scripts and remote loads', () => {
    const html = renderCompareHtml(c, 'en');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).not.toMatch(/<img|<script|<b>|href=|src=["']?http/i);
    expect(html).toContain('&lt;img src&#61;x onerror&#61;alert(1)&gt; *Evil* | Co [x](javascript:y)');
    expect(html).toContain('<title>Smart-manufacturing progress report — &lt;img');
    expect(htmlEscape(`"'\``)).toBe('&quot;&#39;&#96;');
  });
});
