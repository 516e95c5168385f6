import type { ChalkInstance } from 'chalk';
import type { ScoreResult } from '../core/result.js';
import type { Lang } from '../core/types.js';
import { formatMessage, type MessageArgs, type MessageCode } from '../messages/catalogue.js';
import { forTerminal } from '../messages/safe-text.js';
import { fixed2Below, gapAbove, scoreText } from '../core/near-mark.js';
import { displayWidth, padDisplay } from './display-width.js';

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const bar = (score: number, width = 20) => {
  const filled = Math.max(0, Math.min(width, Math.round((score / 5) * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
};

/** The level line: the diagnosed level (or that none is stated), S, and whether it is provisional. */
export function headlineLine(r: ScoreResult, lang: Lang, c: ChalkInstance): string {
  const m = (code: MessageCode, args: MessageArgs = {}) => formatMessage(code, args, lang);
  const level = r.maturity.level;
  return level === null
    ? `${m('cli.maturity-level')}: ${c.bold(m('cli.level-not-stated'))}   S = ${scoreText(r.maturity.score, r.scoring.bands)}`
    : `${m('cli.maturity-level')}: ${c.bold(`${level} ${r.maturity.name[lang]}`)}   S = ${scoreText(r.maturity.score, r.scoring.bands)}${r.maturity.provisional ? c.yellow(`   ${m('cli.provisional')}`) : ''}`;
}

/**
 * The terminal summary of `zhizao score` (and the end of an interview); `cmd` runs zhizao where the user is.
 * `interviewEnd` (the end of an interview, where the summary can scroll off a small terminal): the level and what
 * qualifies it come after the sections and indicators instead of under the name, so that it is said once, next to
 * what to do now; and the consistency findings are listed in their own words (no check ids, no line:column: the user
 * of the interview does not edit the file), not just counted with a pointer to validate, followed by `warnings`
 * (about the respondent details: a sector written in words), worded by the caller.
 */
export function renderScoreSummary(r: ScoreResult, lang: Lang, cmd: string, c: ChalkInstance, explain = false, interviewEnd = false, warnings: readonly string[] = []): string {
  const m = (code: MessageCode, args: MessageArgs = {}) => formatMessage(code, { cmd, ...args }, lang);
  const t = (x: { zh: string; en: string }) => x[lang];
  const all: string[] = [];
  const name = forTerminal([r.respondent.company || m('cli.no-company'), r.respondent.site].filter(Boolean).join(' · '));
  all.push(c.bold(name));
  const level = r.maturity.level;
  const head: string[] = [];
  let out = head;
  out.push(headlineLine(r, lang, c));
  const counts = { answered: r.scoredAnswered, applicable: r.scoredApplicable, share: pct(r.scoredCompleteness) };
  if (level === null) out.push(c.yellow(m('cli.level-not-stated-why', { ...counts, threshold: pct(r.scoring.completeness.noLevelBelow) })));
  else if (r.maturity.provisional) out.push(c.yellow(m('cli.provisional-why', { ...counts, threshold: pct(r.scoring.completeness.provisionalBelow) })));
  if (level !== null) {
    const { below, above } = r.maturity.margin;
    const parts = [below !== null && level > 0 ? m('cli.margin-below', { margin: below.toFixed(2), level }) : '', above !== null ? m('cli.margin-above', { margin: gapAbove(above), level: level + 1 }) : ''].filter(Boolean);
    const moves = (r.sensitivity ?? []).length;
    out.push(c.dim(`${parts.join('; ')}${moves ? `; ${m('cli.sensitive-answers', { count: moves })}` : ''}`));
    const met = r.tiers.filter((x) => x.levelConditionMet).map((x) => t(x.name));
    if (met.length) out.push(c.dim(m('cli.tier-conditions', { tiers: met.join(lang === 'zh' ? '、' : ', ') })));
  }
  out = [];
  out.push(c.dim(`${m('cli.scoring-profile')}: ${t(r.scoring.title)}${r.scoring.verified ? '' : m('cli.not-verified')}`));
  if (r.completeness < 1) {
    out.push(c.yellow(`${m('cli.completeness')}: ${pct(r.completeness)} (${r.answered}/${r.applicable}) — ${m('cli.unanswered-score-none')}`));
  } else out.push(`${m('cli.completeness')}: 100%`);
  // at the end of an interview, with the warnings about the respondent details (`warnings`, worded already)
  const listed = interviewEnd ? [...(r.findings ?? []).map((f) => t(f.message)), ...warnings] : [];
  if (listed.length) {
    out.push(c.yellow(m('cli.findings-listed', { count: listed.length })));
    for (const w of listed) out.push(c.yellow(`  ⚠ ${forTerminal(w)}`));
  } else if (r.findings?.length && !interviewEnd) out.push(c.yellow(m('cli.findings', { count: r.findings.length })));
  out.push('');
  out.push(c.bold(m('cli.sections')));
  const w = Math.max(...r.sections.map((s) => displayWidth(t(s.title)))) + 2;
  // without a stated level, a section's level would rest on the same too few answers
  for (const s of r.sections) {
    const level = r.maturity.level === null ? 'L–' : `L${s.level}`;
    out.push(`  ${padDisplay(t(s.title), w)} ${bar(s.score)} ${scoreText(s.score, r.scoring.bands)}  ${s.answered === false ? c.dim(`${level} ${m('cli.not-answered')}`) : level}`);
  }
  out.push('');
  out.push(c.bold(`${m('cli.indicators-targets')} (${t(r.targets.title)}; ${m('cli.reference-regional')})`));
  for (const i of r.indicators) {
    const share = i.kind === 'share' || i.kind === 'flag';
    const v = i.value === null ? m(i.unknown ? 'cli.unknown-input' : 'cli.not-computable') : share ? m(i.value === true || i.value === 1 ? 'cli.yes' : 'cli.no') : pct(i.value as number);
    let line = `  ${t(i.title)}: ${v}`;
    if (i.target !== undefined) {
      const tgt = `${i.comparison} ${pct(i.target)} (${i.targetYear}, ${i.population ? t(i.population) : ''})`;
      // one plant never meets a share of companies: it counts toward it or not (unknown: the value says why)
      const counts = i.value === true || i.value === 1 ? 'cli.counts-toward' : 'cli.counts-toward-not';
      if (i.countsToward) line += i.value === null ? c.dim(`  ${m('cli.target')} ${tgt}`) : c.dim(`  ${m(counts, { population: i.population ? t(i.population) : '', target: `${i.comparison} ${pct(i.target)}`, year: i.targetYear ?? '' })}`);
      else if (i.met === null) line += c.dim(`  ${m('cli.target')} ${tgt}`);
      else if (i.met) line += c.green(`  ✓ ${m('cli.meets')} ${tgt}`);
      else line += c.red(`  ✗ ${m('cli.misses')} ${tgt}, ${m('cli.gap-points', { points: ((i.gap ?? 0) * 100).toFixed(1) })}`);
    }
    out.push(line);
  }
  if (interviewEnd) all.push(...out, '', ...head);
  else all.push(...head, ...out);
  if (explain) all.push('', ...renderExplain(r, lang, c));
  return all.join('\n') + '\n';
}

function renderExplain(r: ScoreResult, lang: Lang, c: ChalkInstance): string[] {
  const m = (code: MessageCode, args: MessageArgs = {}) => formatMessage(code, args, lang);
  const t = (x: { zh: string; en: string }) => x[lang];
  const out: string[] = [];
  out.push(c.bold(m('cli.explain-title')));
  const sat = r.scoring.satisfaction;
  out.push(m('cli.explain-method', { full: String(sat.full), mostly: String(sat.mostly), partial: String(sat.partial), none: String(sat.none), threshold: r.scoring.passThreshold, selfRating: m(r.scoring.selfRating === 'average' ? 'cli.explain-average' : 'cli.explain-fallback'), aggregation: m(r.scoring.aggregation === 'flat' ? 'cli.explain-flat' : 'cli.explain-tree') }));
  out.push(`  ${r.maturity.levelScores.map((l, i) => `L${i + 1} = ${l.toFixed(4)}`).join('   ')}`);
  const used = r.maturity.heldAt ?? 5;
  out.push(`  S = ${r.maturity.levelScores.slice(0, used).map((l) => l.toFixed(4)).join(' + ')} = ${r.maturity.score.toFixed(4)} → ${m('cli.level')} ${r.maturity.level ?? '—'}`);
  if (r.maturity.heldAt) {
    const n = r.maturity.heldAt;
    const at = (s: ScoreResult['subdomains'][number]) => s.levelScores[n - 1] ?? null;
    const weak = r.subdomains.filter((s) => at(s) !== null && at(s)! < r.scoring.passThreshold).sort((a, b) => at(a)! - at(b)!);
    out.push(c.yellow(`  ${m('cli.held-back', { n, threshold: r.scoring.passThreshold })}: ${weak.map((s) => `${t(s.name)} ${fixed2Below(at(s)!, r.scoring.passThreshold)}`).join(', ') || '-'}`));
  }
  out.push('', c.bold(m('cli.contributions')));
  for (const s of r.subdomains) {
    // a sub-domain whose answers are all "don't know" or unanswered has no level to state (the report says the same)
    const level = s.judged === false ? `L– ${m('cli.not-judged')}` : `L${s.level}`;
    out.push(`  ${padDisplay(t(s.name), 16)} ${level} S=${s.score.toFixed(2)}  ${s.contributions.map((x, i) => `L${i + 1}:${x === null ? '-' : x.toFixed(3)}`).join(' ')}`);
  }
  if (r.subdomains.some((s) => s.judged === false)) out.push(c.dim(`  ${m('cli.not-judged-note')}`));
  if (r.excluded.length) {
    out.push('', c.bold(m('cli.excluded')));
    for (const e of r.excluded) out.push(`  ${e.id}: ${reasonText(e.reason, lang)}`);
  }
  out.push('', c.bold(m('cli.formulas')));
  for (const i of r.indicators) {
    const inputs = Object.entries(i.inputs).map(([k, v]) => `${k} = ${v === null ? 'null' : JSON.stringify(v)}`).join(', ');
    out.push(`  ${i.id} = ${i.formula}   [${inputs}]`);
  }
  return out;
}

const REASONS: Record<string, MessageCode> = {
  'n/a': 'cli.reason-na',
  industry: 'cli.reason-industry',
  since: 'cli.reason-since',
  mode: 'cli.reason-mode',
  'not-applicable': 'cli.reason-not-applicable',
  'not-in-model': 'cli.reason-not-in-model',
};

export function reasonText(reason: string, lang: Lang): string {
  const code = REASONS[reason];
  return code ? formatMessage(code, {}, lang) : reason;
}
