import type { ChalkInstance } from 'chalk';
import type { ScoreResult } from '../core/result.js';
import type { Lang } from '../core/types.js';
import { formatMessage, type MessageArgs, type MessageCode } from '../messages/catalogue.js';
import { forTerminal } from '../messages/safe-text.js';

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const bar = (score: number, width = 20) => {
  const filled = Math.max(0, Math.min(width, Math.round((score / 5) * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
};

/** The terminal summary of `zhizao score` (and the end of an interview). */
export function renderScoreSummary(r: ScoreResult, lang: Lang, c: ChalkInstance, explain = false): string {
  const m = (code: MessageCode, args: MessageArgs = {}) => formatMessage(code, args, lang);
  const t = (x: { zh: string; en: string }) => x[lang];
  const out: string[] = [];
  const name = forTerminal([r.respondent.company || m('cli.no-company'), r.respondent.site].filter(Boolean).join(' · '));
  out.push(c.bold(name));
  out.push(
    `${m('cli.maturity-level')}: ${c.bold(`${r.maturity.level} ${t(r.maturity.name)}`)}   S = ${r.maturity.score.toFixed(2)}` +
      (r.tier ? `   ${m('cli.indicative-tier')}: ${t(r.tier.name)} (${m('cli.indicative')})` : ''),
  );
  out.push(c.dim(`${m('cli.scoring-profile')}: ${r.scoring.profile} (${r.scoring.modelVersion})${r.scoring.verified ? '' : m('cli.not-verified')}`));
  if (r.completeness < 1) {
    out.push(c.yellow(`${m('cli.completeness')}: ${pct(r.completeness)} (${r.answered}/${r.applicable}) — ${m('cli.unanswered-score-none')}`));
  } else out.push(`${m('cli.completeness')}: 100%`);
  out.push('');
  out.push(c.bold(m('cli.sections')));
  const w = Math.max(...r.sections.map((s) => t(s.title).length)) + 2;
  for (const s of r.sections) out.push(`  ${t(s.title).padEnd(w)} ${bar(s.score)} ${s.score.toFixed(2)}  L${s.level}`);
  out.push('');
  out.push(c.bold(`${m('cli.indicators-targets')} (${r.targets.id}; ${m('cli.reference-regional')})`));
  for (const i of r.indicators) {
    const v = i.value === null ? m('cli.not-computable') : typeof i.value === 'boolean' ? m(i.value ? 'cli.yes' : 'cli.no') : pct(i.value);
    let line = `  ${t(i.title)}: ${v}`;
    if (i.target !== undefined) {
      const tgt = `${i.comparison} ${pct(i.target)} (${i.targetYear}, ${i.population ? t(i.population) : ''})`;
      if (i.met === null) line += c.dim(`  ${m('cli.target')} ${tgt}`);
      else if (i.met) line += c.green(`  ✓ ${m('cli.meets')} ${tgt}`);
      else line += c.red(`  ✗ ${m('cli.misses')} ${tgt}, ${m('cli.gap')} ${pct(i.gap ?? 0)}`);
    }
    if (i.flags) for (const [k, f] of Object.entries(i.flags)) line += c.dim(`  ${k}=${f === null ? '?' : f}`);
    out.push(line);
  }
  if (explain) out.push('', ...renderExplain(r, lang, c));
  return out.join('\n') + '\n';
}

function renderExplain(r: ScoreResult, lang: Lang, c: ChalkInstance): string[] {
  const m = (code: MessageCode, args: MessageArgs = {}) => formatMessage(code, args, lang);
  const t = (x: { zh: string; en: string }) => x[lang];
  const out: string[] = [];
  out.push(c.bold(m('cli.explain-title')));
  const sat = r.scoring.satisfaction;
  out.push(m('cli.explain-method', { full: String(sat.full), mostly: String(sat.mostly), partial: String(sat.partial), none: String(sat.none), threshold: r.scoring.passThreshold }));
  out.push(`  ${r.maturity.levelScores.map((l, i) => `L${i + 1} = ${l.toFixed(4)}`).join('   ')}`);
  const used = r.maturity.heldAt ?? 5;
  out.push(`  S = ${r.maturity.levelScores.slice(0, used).map((l) => l.toFixed(4)).join(' + ')} = ${r.maturity.score.toFixed(4)} → ${m('cli.level')} ${r.maturity.level}`);
  if (r.maturity.heldAt) {
    const n = r.maturity.heldAt;
    const weak = [...r.subdomains].filter((s) => s.levelScores[n - 1]! < r.scoring.passThreshold).sort((a, b) => a.levelScores[n - 1]! - b.levelScores[n - 1]!);
    out.push(c.yellow(`  ${m('cli.held-back', { n, threshold: r.scoring.passThreshold })}: ${weak.map((s) => `${t(s.name)} ${s.levelScores[n - 1]!.toFixed(2)}`).join(', ') || '-'}`));
  }
  out.push('', c.bold(m('cli.contributions')));
  for (const s of r.subdomains) {
    out.push(`  ${t(s.name).padEnd(14)} L${s.level} S=${s.score.toFixed(2)}  ${s.contributions.map((x, i) => `L${i + 1}:${x === null ? '-' : x.toFixed(3)}`).join(' ')}`);
  }
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
  'not-applicable': 'cli.reason-not-applicable',
  'not-in-model': 'cli.reason-not-in-model',
};

export function reasonText(reason: string, lang: Lang): string {
  const code = REASONS[reason];
  return code ? formatMessage(code, {}, lang) : reason;
}
