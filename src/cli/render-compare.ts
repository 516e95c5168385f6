import type { ChalkInstance } from 'chalk';
import type { Comparison, ScoreChange, SideScore } from '../core/compare.js';
import { scoreText } from '../core/near-mark.js';
import type { Lang, Text } from '../core/types.js';
import { formatMessage, type MessageArgs, type MessageCode } from '../messages/catalogue.js';
import {
  indicatorChangeText,
  indicatorStatusText,
  indicatorTargetText,
  indicatorValueText,
  kpiOutcomeText,
  kpiTally,
  kpiTargetText,
  kpiValueText,
  maturityText,
  plantText,
  signed,
  signedPct,
} from '../report/compare/format.js';

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** The terminal view of `zhizao compare`. */
export function renderComparison(c: Comparison, lang: Lang, ch: ChalkInstance): string {
  const msg = (code: MessageCode, args: MessageArgs = {}) => formatMessage(code, args, lang);
  const t = (x: Text) => x[lang];
  const out: string[] = [];
  const plant = plantText(c.followup) || plantText(c.baseline) || msg('cli.no-company');
  out.push(ch.bold(plant));
  const when = (x: Comparison['baseline']) => [x.date, x.period ? `KPI ${x.period}` : undefined].filter(Boolean).join(', ') || x.file || '';
  out.push(`${msg('cli.baseline')}: ${when(c.baseline)}   →   ${msg('cli.followup')}: ${when(c.followup)}`);
  out.push(ch.dim(c.basis ? `${t(c.basis)} (${c.targets.id})` : `${t(c.targets.title)} (${c.targets.id})`));
  // (the warnings are messages: the command says them on stderr, once — not again in the view)
  out.push('');

  const m = c.maturity;
  const arrow = (d: number, digits = 2) => (d > 0 ? ch.green(signed(d, digits)) : d < 0 ? ch.red(signed(d, digits)) : ch.dim('±0'));
  const [mb, mf] = [maturityText(m.baseline, c.bands.baseline, lang), maturityText(m.followup, c.bands.followup, lang)];
  // (S compared only between two stated levels: a score of too few answers says nothing)
  const stated = m.baseline.level !== null && m.followup.level !== null;
  out.push(`${msg('cli.maturity-level')}: ${mb.level} → ${ch.bold(mf.level)} (${m.levelChange === null ? '—' : arrow(m.levelChange, 0)})   ` + `S: ${mb.score} → ${ch.bold(mf.score)} (${stated ? arrow(m.scoreChange) : '—'})`);
  if (c.tierCondition.baseline?.id !== c.tierCondition.followup?.id) {
    out.push(`${msg('cli.tier-change')}: ${c.tierCondition.baseline ? t(c.tierCondition.baseline.name) : '—'} → ${c.tierCondition.followup ? t(c.tierCondition.followup.name) : '—'}`);
  }
  out.push('');
  const scores = (title: string, list: ScoreChange[], onlyChanged: boolean) => {
    const shown = onlyChanged ? list.filter((s) => s.scoreChange !== 0 || s.levelChange !== 0) : list;
    out.push(ch.bold(title));
    if (!shown.length) {
      out.push(ch.dim(`  ${msg('cli.no-change')}`));
      return;
    }
    const w = Math.max(...shown.map((s) => width(t(s.title)))) + 2;
    for (const s of shown) {
      const side = (x: SideScore | null, bands: Comparison['bands']['baseline']) => (!x ? '—' : x.notAnswered ? msg('cli.not-answered') : `${scoreText(x.score, bands)} L${x.level}`);
      const b = side(s.baseline, c.bands.baseline);
      const f = side(s.followup, c.bands.followup);
      const d = s.scoreChange === null ? ch.dim(msg('cli.not-comparable')) : arrow(s.scoreChange);
      out.push(`  ${pad(t(s.title), w)} ${b.padEnd(8)} → ${f.padEnd(8)} ${d}`);
    }
  };
  scores(msg('cli.sections'), c.sections, false);
  out.push('');
  scores(msg('cli.subdomains-changed'), c.subdomains, true);
  out.push('');

  out.push(ch.bold(`${msg('cli.indicators')} (${msg('cli.reference-regional')})`));
  for (const i of c.indicators) {
    let line = `  ${t(i.title)}: ${indicatorValueText(i, i.baseline, lang)} → ${indicatorValueText(i, i.followup, lang)}`;
    if (i.change !== null) line += ` (${indicatorChangeText(i)})`;
    // (a share of companies has its regional target in its status: counts toward it or not)
    if (i.target !== undefined && i.kind !== 'share') line += ch.dim(`  ${msg('cli.target')} ${indicatorTargetText(i, c.followup.date, lang)}`);
    if (i.status !== 'no-target') {
      const s = indicatorStatusText(i.status, lang);
      line += '  ' + (i.nowMet ? ch.green(`✓ ${s}`) : i.status === 'still-met' || i.status === 'met' || i.status === 'counts-toward' ? ch.green(s) : i.status === 'not-computable' ? ch.dim(s) : ch.red(s));
    }
    out.push(line);
  }
  out.push('');

  if (!c.kpis.length) return out.join('\n') + '\n';
  const tally = kpiTally(c);
  // A profile without KPI targets: the changes only, no tally and no verdict.
  if (tally.withTarget === 0) out.push(ch.bold(msg('cli.kpis')));
  else out.push(ch.bold(`${msg('cli.kpis-against-targets')}: ${msg('cli.kpis-met', { met: tally.met, total: tally.withTarget })}${tally.decided < tally.withTarget ? msg('cli.kpis-decidable', { count: tally.decided }) : ''}`));
  const w = Math.max(...c.kpis.map((k) => width(t(k.title)))) + 2;
  for (const k of c.kpis) {
    const values = `${kpiValueText(k, 'baseline', lang)} → ${kpiValueText(k, 'followup', lang)}`;
    const change = k.change === null ? '' : `  ${msg('cli.change')} ${signedPct(k.change)}`;
    const target = k.target === null ? '' : `  ${msg('cli.target')} ${kpiTargetText(k)}`;
    const outcome = kpiOutcomeText(k, lang);
    const mark = k.met === true ? ch.green(`✓ ${outcome}`) : k.met === false ? ch.red(`✗ ${outcome}`) : k.status === 'refused' ? ch.yellow(outcome) : ch.dim(outcome);
    out.push(`  ${pad(t(k.title), w)} ${values}${change}${target}  ${mark}`);
  }
  if (tally.withTarget === 0) return out.join('\n') + '\n';
  const g = c.kpiGains.met;
  out.push(
    `${msg('cli.kpi-gain-criterion')}: ${g === true ? ch.green(msg('cli.met')) : g === false ? ch.red(msg('cli.not-met')) : ch.dim(msg('cli.undecidable'))}`,
  );
  return out.join('\n') + '\n';
}
