import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderComparison } from '../../src/cli/render-compare';
import { plainChalk } from '../../src/cli/terminal';
import { compareResults } from '../../src/core/compare';
import { buildResult, type ScoreResult } from '../../src/core/result';
import type { AnswerFile } from '../../src/core/types';
import { renderCompareMarkdown } from '../../src/report/compare/markdown';
import { chartDataFromResult } from '../../src/report/html';
import { radarChart } from '../../src/report/svg';
import { mustAnswers, profile, questionnaire, read, targets } from '../helpers/defs';

/**
 * A score S just below the next level's lower edge (1.7996 against level 2 at 1.8) reads 1.79 wherever it is shown
 * beside its level: the charts of the HTML and DOCX reports and the progress report, as the report's tables already do.
 */
const q = questionnaire('tests/fixtures/compare/kpi-questionnaire.yaml');
const p = profile();
const t = targets('zhengzhou-2020');
const b = mustAnswers(q, parse(read('tests/fixtures/compare/baseline.yaml')) as AnswerFile);
const f = mustAnswers(q, parse(read('tests/fixtures/compare/followup.yaml')) as AnswerFile);
const atEdge = (r: ScoreResult): ScoreResult => ({
  ...r,
  maturity: { ...r.maturity, score: 1.7996, level: 1 },
  sections: r.sections.map((s, i) => (i === 0 ? { ...s, score: 1.7996, level: 1 } : s)),
  subdomains: r.subdomains.map((s, i) => (i === 0 ? { ...s, score: 1.7996, level: 1 } : s)),
});

describe('a score just below the next level is never shown at it', () => {
  it('in the section chart of the HTML and DOCX reports', () => {
    const charts = chartDataFromResult(atEdge(buildResult(q, b, p, t)));
    expect(charts.sections[0]!.score).toBe(1.79);
    const svg = radarChart(charts.sections.map((s) => ({ label: s.title.zh, value: s.score })), { max: 5, rings: 5 });
    expect(svg).toContain('1.79');
    expect(svg).not.toContain('1.80');
  });

  it('in the progress report and the compare command', () => {
    const c = compareResults(atEdge(buildResult(q, b, p, t)), atEdge(buildResult(q, f, p, t)), b, f, t);
    const md = renderCompareMarkdown(c, 'en');
    expect(md).toContain('1.79 (L1)');
    expect(md).not.toContain('1.80');
    const cli = renderComparison(c, 'en', plainChalk());
    expect(cli).toContain('S: 1.79 → 1.79');
    expect(cli).toContain('1.79 L1');
  });
});
