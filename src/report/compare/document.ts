/**
 * The progress report of `zhizao compare` as blocks of plain text, in one language: the two assessments, maturity,
 * sections and sub-domains, indicators, and the outcome KPIs against the target profile's improvement targets.
 * Words come from the message catalogue (src/messages/compare.ts); KPI names, targets, notes and the basis from the
 * target profile.
 */
import type { Comparison, ScoreChange, SideScore } from '../../core/compare.js';
import type { Lang, Text } from '../../core/types.js';
import { formatMessage, type MessageArgs, type MessageCode } from '../../messages/catalogue.js';
import { scoreText } from '../../core/near-mark.js';
import type { Block, Inline } from './blocks.js';
import { indicatorChangeText, indicatorStatusText, indicatorTargetText, indicatorValueText, kpiOutcomeText, kpiTally, kpiTargetText, kpiValueText, maturityText, pct, plantText, signed, signedPct } from './format.js';

function scoreRows(list: ScoreChange[], t: (x: Text) => string, bands: Comparison['bands'], notAnswered: string): Inline[][] {
  const side = (x: SideScore | null, b: Comparison['bands']['baseline']) => (!x ? '—' : x.notAnswered ? notAnswered : `${scoreText(x.score, b)} (L${x.level})`);
  return list.map((s) => [
    t(s.title),
    side(s.baseline, bands.baseline),
    side(s.followup, bands.followup),
    signed(s.scoreChange),
    s.levelChange === null ? '—' : signed(s.levelChange, 0),
  ]);
}

/** How the KPI changes read: the rule, which KPIs improve by going down, and the notes of the profile's targets. */
function kpiExplanation(c: Comparison, lang: Lang, say: (code: MessageCode, args?: MessageArgs) => string): string {
  const down = c.kpis.filter((k) => k.direction === 'down').map((k) => k.title[lang]);
  const names = lang === 'zh' ? down.join('、') : down.length > 1 ? `${down.slice(0, -1).join(', ')} and ${down[down.length - 1]}` : down.join('');
  const rule = down.length ? say('compare.kpi-change-rule-down', { names }) : say('compare.kpi-change-rule');
  const notes = c.kpis.flatMap((k) => (k.targetNote ? [say('compare.kpi-note', { note: k.targetNote[lang] })] : []));
  return rule + notes.join('');
}

/** A file's name without its folders (either separator). */
const fileName = (file: string): string => file.split(/[\\/]/).pop() || file;

/** The progress report as blocks of plain text, in one language. */
export function compareDocument(c: Comparison, lang: Lang): Block[] {
  const say = (code: MessageCode, args: MessageArgs = {}) => formatMessage(code, args, lang);
  const t = (x: Text) => x[lang];
  const out: Block[] = [];
  const plant = plantText(c.followup) || plantText(c.baseline) || say('compare.no-company');
  out.push({ kind: 'heading', level: 1, text: say('compare.report-title') });
  out.push({ kind: 'paragraph', content: [{ text: plant, strong: true }] });
  // the basis is a sentence of its own (its full stop is the message's)
  const basis = c.basis ? t(c.basis).replace(/[。.]\s*$/, '') : undefined;
  out.push({ kind: 'callout', content: [basis ? say('compare.basis', { basis, source: c.targets.source }) : say('compare.profile', { title: t(c.targets.title), source: c.targets.source })] });

  out.push({ kind: 'heading', level: 2, text: say('compare.assessments') });
  // the file by its name (the folders it was read from are the consultant's, not the plant's), the questionnaire by its title
  const side = (x: Comparison['baseline']): Inline[] => [x.file ? fileName(x.file) : '—', plantText(x) || '—', x.date ?? '—', x.period ?? '—', `${t(x.questionnaire.title)} v${x.questionnaire.version}`, pct(x.completeness)];
  out.push({
    kind: 'table',
    head: [say('compare.col-assessment'), say('compare.col-file'), say('compare.col-plant'), say('compare.col-date'), say('compare.col-period'), say('compare.col-questionnaire'), say('compare.col-completeness')],
    rows: [
      [say('compare.baseline'), ...side(c.baseline)],
      [say('compare.followup'), ...side(c.followup)],
    ],
  });
  if (c.warnings.length) {
    out.push({ kind: 'heading', level: 3, text: say('compare.warnings') });
    out.push({ kind: 'list', items: c.warnings.map((w) => t(w.message)) });
  }

  out.push({ kind: 'heading', level: 2, text: say('compare.maturity') });
  const m = c.maturity;
  const [mb, mf] = [maturityText(m.baseline, c.bands.baseline, lang), maturityText(m.followup, c.bands.followup, lang)];
  out.push({
    kind: 'table',
    head: ['', say('compare.baseline'), say('compare.followup'), say('compare.col-change')],
    rows: [
      [say('compare.level'), mb.level, mf.level, signed(m.levelChange, 0)],
      ['S', mb.score, mf.score, m.baseline.level !== null && m.followup.level !== null ? signed(m.scoreChange) : '—'],
      [say('compare.tier'), c.tierCondition.baseline ? t(c.tierCondition.baseline.name) : '—', c.tierCondition.followup ? t(c.tierCondition.followup.name) : '—', ''],
    ],
  });
  const scoreHead = [say('compare.col-name'), say('compare.baseline'), say('compare.followup'), say('compare.col-score-change'), say('compare.col-level-change')];
  out.push({ kind: 'heading', level: 3, text: say('compare.sections') });
  const notAnswered = say('compare.not-answered');
  out.push({ kind: 'table', head: scoreHead, rows: scoreRows(c.sections, t, c.bands, notAnswered), numeric: [3, 4] });
  out.push({ kind: 'heading', level: 3, text: say('compare.subdomains') });
  out.push({ kind: 'table', head: scoreHead, rows: scoreRows(c.subdomains, t, c.bands, notAnswered), numeric: [3, 4] });
  if ([...c.sections, ...c.subdomains].some((s) => s.baseline?.notAnswered || s.followup?.notAnswered)) out.push({ kind: 'paragraph', quiet: true, content: [say('compare.not-answered-note')] });

  out.push({ kind: 'heading', level: 2, text: say('compare.indicators') });
  out.push({
    kind: 'table',
    head: [say('compare.col-indicator'), say('compare.baseline'), say('compare.followup'), say('compare.col-change'), say('compare.col-target'), say('compare.col-status')],
    rows: c.indicators.map((i) => [
      t(i.title),
      indicatorValueText(i, i.baseline, lang),
      indicatorValueText(i, i.followup, lang),
      indicatorChangeText(i),
      indicatorTargetText(i, c.followup.date, lang),
      { text: indicatorStatusText(i.status, lang), strong: i.nowMet },
    ]),
    numeric: [3],
  });

  if (!c.kpis.length) return out;
  const tally = kpiTally(c);
  const withTargets = tally.withTarget > 0;
  out.push({ kind: 'heading', level: 2, text: say(withTargets ? 'compare.kpis-against-targets' : 'compare.kpis') });
  out.push({
    kind: 'paragraph',
    content: [(withTargets ? say('compare.kpi-tally', { met: tally.met, total: tally.withTarget, decided: tally.decided }) : '') + kpiExplanation(c, lang, say)],
  });
  out.push({
    kind: 'table',
    head: [say('compare.col-kpi'), say('compare.baseline'), say('compare.followup'), say('compare.col-change'), say('compare.col-target'), say('compare.col-result')],
    rows: c.kpis.map((k) => [
      t(k.title),
      kpiValueText(k, 'baseline', lang),
      kpiValueText(k, 'followup', lang),
      signedPct(k.change),
      kpiTargetText(k),
      (k.met === true ? '✓ ' : k.met === false ? '✗ ' : '') + kpiOutcomeText(k, lang),
    ]),
    numeric: [3],
  });
  if (!withTargets) {
    out.push({ kind: 'paragraph', quiet: true, content: [say('compare.kpi-values-source')] });
    return out;
  }
  const g = c.kpiGains.met;
  out.push({
    kind: 'paragraph',
    content: [say('compare.kpi-criterion'), { text: say(g === true ? 'compare.met' : g === false ? 'compare.not-met' : 'compare.undecidable'), strong: true }],
  });
  out.push({ kind: 'paragraph', quiet: true, content: [say('compare.kpi-reference')] });
  return out;
}
