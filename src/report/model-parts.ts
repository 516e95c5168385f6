/** The parts of the report model about the result: headline, tiers, position, indicators, strengths and gaps, method. */
import { questionText } from '../core/answer-words.js';
import type { Answers } from '../core/answers.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { OtherScoring } from '../core/profile-comparison.js';
import type { Projection } from '../core/roadmap.js';
import type { ScoreResult } from '../core/result.js';
import type { Text } from '../core/types.js';
import { fill, joinTexts, type Wording } from '../core/wording.js';
import { answerText } from './model-answers.js';
import { fixed2, gapAbove, gapText, indicatorTarget, indicatorValue, pct, quoted, same, scoreText } from './format.js';

export interface Headline {
  /** False when too little is answered to state a level. */
  stated: boolean;
  level: number | null;
  name: Text;
  /** What the level means (levels 1–5 only: 'not yet level 1' is already the statement). */
  meaning?: Text;
  score: string;
  provisional: boolean;
  statement: Text;
  /** Which method the level was computed with and that it is no formal assessment (and, unverified, what is unchecked). */
  method?: Text;
  /** Why the level is provisional or not stated. */
  caveat?: Text;
  margin?: Text;
  /** Which single answers move the level. */
  fragility?: Text;
  /** The level under the other scoring profiles: the same, or another one (the level depends on the scheme). */
  otherProfiles?: Text;
}
export interface IndicatorRow {
  title: Text;
  kind: string;
  value: string;
  /** For shares and flags: the plant's value in words. */
  valueText?: Text;
  target?: string;
  status?: 'met' | 'missed' | 'unknown' | 'counts';
  statusText?: Text;
  gap?: Text;
  year?: number;
  population?: Text;
  context?: Text;
  formula: string;
  basis?: Text;
  source?: string;
}
export interface Method {
  rule: Text;
  weights?: Text;
  levelScores: { level: number; score: string; counted: boolean }[];
  /** Each sub-domain's effective weight in S (its share after the tree aggregation, e.g. "12.5%"), with its contributions. */
  subdomains: { name: Text; weight: string; contributions: string[]; level: number; levelShown: Text; score: string; judged: boolean }[];
  /** What the w column is. */
  weightNote: Text;
  excludedSummary: Text[];
  excluded: { question: Text; reason: Text }[];
  unconfirmed: Text[];
  priority: Text;
  /** How many consistency checks fired (every audience), and (office) which, without confidential ones. */
  findings?: { count: Text; list: Text[] };
}

/** The stated level in words: a level with its name, "not yet level 1", or none stated. */
export const levelText = (r: ScoreResult, w: Wording): Text => {
  const m = r.maturity;
  if (m.level === null) return w.phrases.summaryNoLevel!;
  if (m.level === 0) return w.phrases.summaryNotYet!;
  return fill(w.phrases.summaryLevel!, { level: m.level, name: m.name });
};

export function headlineOf(r: ScoreResult, q: Questionnaire, w: Wording, office: boolean, opts: { methodSaid?: boolean; others?: readonly OtherScoring[] | undefined } = {}): Headline {
  const m = r.maturity;
  const t = r.scoring.completeness;
  const share = pct(r.scoredCompleteness);
  const counts = scoredCounts(r);
  const stated = m.level !== null;
  const statement = m.level === null ? fill(w.phrases.noLevel!, { share, answered: counts.answered, applicable: counts.applicable, threshold: pct(t.noLevelBelow), missing: missingSections(r, q) }) : m.level === 0 ? fill(w.phrases.headlineNotYet!, { score: scoreText(m.score, r.scoring.bands) }) : fill(w.phrases.headline!, { level: m.level, name: m.name, score: scoreText(m.score, r.scoring.bands) });
  // A level under a draft standard says so where it is stated, not only in the method notes.
  const headline = r.scoring.draft ? joinTexts([statement, w.phrases.headlineDraft!], { zh: '', en: ' ' }) : statement;
  const out: Headline = { stated, level: m.level, name: m.name, ...(m.level ? { meaning: m.meaning } : {}), score: scoreText(m.score, r.scoring.bands), provisional: m.provisional, statement: headline };
  if (stated) out.method = methodCaveat(r, w, opts.methodSaid ?? false);
  if (stated && m.provisional) out.caveat = fill(w.phrases.provisional!, { share, answered: counts.answered, applicable: counts.applicable, threshold: pct(t.provisionalBelow) });
  // "Don't know" answers count as answered but score as not satisfied: the stated level is a floor, and says so.
  if (stated && r.scoredUnknown > 0) {
    const unknown = fill(w.phrases.unknownScored!, { count: r.scoredUnknown, answered: counts.answered, share: pct(r.scoredUnknown / Math.max(1, counts.answered)) });
    out.caveat = out.caveat ? joinTexts([out.caveat, unknown], { zh: '', en: ' ' }) : unknown;
  }
  if (!stated) return out;
  const level = m.level!;
  const band = r.scoring.bands.find((b) => b.level === level);
  const next = r.scoring.bands.find((b) => b.level === level + 1);
  if (level > 0 && next && m.margin.below !== null && m.margin.above !== null) out.margin = fill(w.phrases.margin!, { level, min: band!.min, below: fixed2(m.margin.below), next: level + 1, nextMin: next.min, above: gapAbove(m.margin.above) });
  else if (level > 0 && m.margin.below !== null) out.margin = fill(w.phrases.marginTop!, { level, min: band!.min, below: fixed2(m.margin.below) });
  else if (next && m.margin.above !== null) out.margin = fill(w.phrases.marginBottom!, { nextMin: next.min, above: gapAbove(m.margin.above) });
  // S can sit well above the band's edge while the level hangs on L_n just above the pass mark (S stops adding at the
  // first level below it): the margin that decides is said too
  const held = level > 0 ? m.levelScores[level - 1] : undefined;
  const pass = r.scoring.passThreshold;
  if (out.margin && held !== undefined && m.margin.below !== null && held >= pass && held - pass < m.margin.below) {
    const gap = Math.floor((held - pass) * 100 + 1e-9) / 100;
    out.margin = joinTexts([out.margin, fill(w.phrases.marginLevelScore!, { level, value: fixed2(Math.floor(held * 100 + 1e-9) / 100), pass, gap: fixed2(gap) })], { zh: '', en: ' ' });
  }
  if (r.sensitivity) {
    const title = (id: string) => q.byId.get(id)?.text ?? same(id);
    const sentence = (dir: 'down' | 'up'): Text | undefined => {
      // The office audience does not learn which confidential answers (security weaknesses…) hold the level up.
      const changes = r.sensitivity!.filter((s) => (dir === 'down' ? s.level < level : s.level > level) && !(office && q.byId.get(s.question)?.confidential));
      if (!changes.length) return undefined;
      const to = dir === 'down' ? Math.max(...changes.map((c) => c.level)) : Math.min(...changes.map((c) => c.level));
      const list = joinTexts(changes.filter((c) => c.level === to).slice(0, 8).map((c) => quoted(title(c.question))));
      const levelName = to === 0 ? w.phrases.summaryNotYet! : fill(w.phrases.levelNumber!, { level: to });
      return fill(w.phrases[dir === 'down' ? 'fragileDown' : 'fragileUp']!, { level: levelName, list });
    };
    const parts = [sentence('down'), sentence('up')].filter((x): x is Text => x !== undefined);
    out.fragility = parts.length ? joinTexts(parts, { zh: '', en: ' ' }) : w.phrases.robust!;
  }
  const others = (opts.others ?? []).filter((o) => o.level !== null).map((o) => fill(w.phrases[o.level === level ? 'otherProfileSame' : 'otherProfileDiffers']!, { title: o.title, level: otherLevelText(o, w), score: scoreText(o.score, o.bands) }));
  if (others.length) out.otherProfiles = joinTexts(others, { zh: '', en: ' ' });
  return out;
}

/** A level under another scheme, as the summary says a level. */
const otherLevelText = (o: OtherScoring, w: Wording): Text => (o.level === 0 ? w.phrases.summaryNotYet! : fill(w.phrases.summaryLevel!, { level: o.level!, name: o.name }));

/** The schemes under which the plant's stated level is another one, for the summary (null when none is). */
function otherLevels(r: ScoreResult, w: Wording, others: readonly OtherScoring[] | undefined): Text | null {
  const differ = (others ?? []).filter((o) => o.level !== null && r.maturity.level !== null && o.level !== r.maturity.level);
  if (!differ.length) return null;
  return joinTexts(differ.map((o) => fill(w.phrases.summaryOtherProfile!, { title: o.title, level: otherLevelText(o, w), score: scoreText(o.score, o.bands) })), { zh: '', en: ' ' });
}

/**
 * The level is a simplified calculation, not a formal assessment (in short when the summary just said it in full);
 * an unverified scheme says what is unchecked.
 */
const methodCaveat = (r: ScoreResult, w: Wording, said: boolean): Text => {
  const method = said ? w.phrases.headlineMethodShort! : fill(w.phrases.headlineMethod!, { title: r.scoring.title });
  return r.scoring.verified ? method : joinTexts([method, fill(w.phrases.headlineUnverified!, { label: w.labels.method! })], { zh: '', en: ' ' });
};

const scoredCounts = (r: ScoreResult) => ({ answered: r.scoredAnswered, applicable: r.scoredApplicable });

function missingSections(r: ScoreResult, q: Questionnaire): Text {
  const bySection = new Map<string, number>();
  for (const id of r.unanswered) {
    const s = q.sectionOf.get(id);
    if (s) bySection.set(s, (bySection.get(s) ?? 0) + 1);
  }
  const top = [...bySection].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return joinTexts(top.map(([id, n]) => {
    const title = q.def.sections.find((s) => s.id === id)!.title;
    return { zh: `${title.zh}（${n} 题）`, en: `${title.en} (${n})` };
  }));
}

/** The answers a consistency finding puts in doubt: those its check names as doubted, else all it names. */
const doubtedBy = (f: NonNullable<ScoreResult['findings']>[number]): readonly string[] => f.doubted ?? f.questions;

/** The indicators with a value computed from answers a consistency finding puts in doubt: for reference until they are checked. */
function uncheckedIndicators(r: ScoreResult): Set<string> {
  const contradicted = new Set((r.findings ?? []).flatMap(doubtedBy));
  const out = new Set<string>();
  if (!contradicted.size) return out;
  for (const i of r.indicators) if (i.value !== null && [...Object.keys(i.inputs), ...Object.keys(i.context ?? {})].some((id) => contradicted.has(id))) out.add(i.id);
  return out;
}

/** The indicator table; for the office, the answers an indicator is computed from show no free text (its cover says so). */
export function indicatorRows(r: ScoreResult, q: Questionnaire, w: Wording, answers: Answers, office = false): IndicatorRow[] {
  const unchecked = uncheckedIndicators(r);
  return r.indicators.map((i) => {
    const row: IndicatorRow = { title: i.title, kind: i.kind, value: '—', formula: i.formula, ...(i.basis ? { basis: i.basis } : {}), ...(i.source ? { source: i.source } : {}) };
    if (i.kind === 'share' || i.kind === 'flag') {
      const yes = i.value === 1 || i.value === true;
      row.value = i.value === null ? '—' : yes ? '✓' : '✗';
      if (i.value !== null) row.valueText = i.id === 'design-tool-penetration' ? w.phrases[yes ? 'usesTools' : 'noTools']! : w.phrases[yes ? 'yes' : 'no']!;
    } else row.value = indicatorValue(i);
    // no value because the plant answered 不清楚: said so, not a bare dash
    if (i.value === null && i.unknown) row.valueText = w.phrases.unknownAnswer!;
    if (i.target !== undefined) {
      row.target = indicatorTarget(i);
      row.year = i.targetYear!;
      if (i.population) row.population = i.population;
      // A plant whose answer is not known neither counts toward a share of companies nor is left out of it.
      if (i.countsToward && i.value === null) row.status = 'unknown';
      else if (i.countsToward) {
        row.status = 'counts';
        row.statusText = i.value === 1 || i.value === true ? w.phrases.countsToward! : w.phrases.countsNot!;
      } else {
        row.status = i.met === null || i.met === undefined ? 'unknown' : i.met ? 'met' : 'missed';
        if (i.met === false && typeof i.gap === 'number') row.gap = gapText(w, i.gap);
      }
    }
    if (i.context) {
      const parts = Object.keys(i.context)
        .filter((id) => answers.resolved.get(id)?.status === 'answered' && !(office && q.byId.get(id)?.type === 'text'))
        .map((id) => answerText(q.byId.get(id)!, answers, w));
      if (parts.length) row.context = fill(w.phrases.computedFrom!, { list: joinTexts(parts, { zh: '；', en: '; ' }) });
    }
    if (unchecked.has(i.id)) {
      row.context = row.context ? joinTexts([w.phrases.indicatorUnchecked!, row.context], { zh: '', en: ' ' }) : w.phrases.indicatorUnchecked!;
    }
    return row;
  });
}

/** How many sub-domains the strengths and the gaps name before counting the rest. */
const SHORT_LIST = 6;

/** Sub-domains above the overall level. */
export function strengthsOf(r: ScoreResult, w: Wording, q: Questionnaire): Text[] {
  // no overall level stated: there is nothing to be above
  if (r.maturity.level === null) return [w.phrases.noStrengthsNoLevel!];
  const level = r.maturity.level;
  const list = r.subdomains.filter((s) => s.level > level).sort((a, b) => b.level - a.level || b.score - a.score);
  // a sub-domain whose answers a consistency finding names is not listed as a strength: its level waits for the
  // answers to be checked, said apart
  const contradicted = new Set((r.findings ?? []).flatMap((f) => doubtedBy(f).map((id) => q.byId.get(id)?.subdomain)));
  const above = list.filter((s) => !contradicted.has(s.id));
  // The highest few, as the gaps are a short list: below level 1 overall, most sub-domains can be above it, and a
  // list of sixteen "strengths" says less than the six highest with a count of the rest.
  // (below level 1 overall, a sub-domain at level 1 is stronger than the rest, not a strength to praise: said so)
  const line = level === 0 ? w.phrases.strengthLineRelative! : w.phrases.strengthLine!;
  const shown = above.slice(0, SHORT_LIST).map((s) => fill(line, { name: s.name, level: s.level }));
  if (above.length > SHORT_LIST) shown.push(fill(w.phrases.moreStrengths!, { count: above.length - SHORT_LIST }));
  const unchecked = list.filter((s) => contradicted.has(s.id)).map((s) => fill(w.phrases.strengthUncheckedItem!, { name: s.name, level: s.level }));
  // the plant's own indicators at or above their reference target come first (a rolling mill's 78.6 % of key
  // processes under closed-loop control is a strength whatever its documentation scores), never one whose answers a
  // finding doubts, nor a share of companies (one plant neither meets nor misses it)
  const doubted = uncheckedIndicators(r);
  const indicators = r.indicators.filter((i) => i.met === true && !i.countsToward && i.target !== undefined && !doubted.has(i.id)).map((i) => fill(w.phrases.strengthIndicator!, { title: i.title, value: indicatorValue(i), target: indicatorTarget(i) }));
  // (with only unchecked ones, not "no sub-domain is above the overall level" before listing one that is)
  return [...indicators, ...(shown.length || unchecked.length ? shown : [w.phrases.noStrengths!]), ...(unchecked.length ? [fill(w.phrases.strengthsUnchecked!, { list: joinTexts(unchecked) })] : [])];
}

/**
 * A sub-domain's effective weight in S at the first level where it has a score (the tree's weights re-normalised over
 * the members scored there), as scoring computed it: also for a sub-domain that scores 0; "—" where it has no score.
 */
/**
 * How far apart the sub-domains' weights in S are under weights the profile could not take from the standard (equal
 * down the tree, a domain of seven sub-domains gives each a seventh of its share: production's weigh 0.7 % each),
 * named, so that a reader sees what a sub-domain weighs before reading its level; nothing when they differ by less
 * than half.
 */
function weightSpread(r: ScoreResult, w: Wording): Text[] {
  const shares = r.subdomains.map((s) => ({ s, share: firstWeight(s) })).filter((x): x is { s: typeof x.s; share: number } => x.share !== null);
  if (shares.length < 2) return [];
  const min = Math.min(...shares.map((x) => x.share));
  const max = Math.max(...shares.map((x) => x.share));
  if (!(min > 0) || max < 2 * min) return [];
  const at = (v: number) => joinTexts(shares.filter((x) => pct(x.share) === pct(v)).map((x) => x.s.name));
  return [fill(w.phrases.weightsSpread!, { min: pct(min), low: at(min), max: pct(max), high: at(max) })];
}

/** A sub-domain's weight in S at the first level where it has a score; null where it has none. */
const firstWeight = (s: ScoreResult['subdomains'][number]): number | null => s.weights.find((x) => x !== null) ?? null;

function effectiveShare(s: ScoreResult['subdomains'][number]): string {
  const w = firstWeight(s);
  return w === null ? '—' : pct(w);
}

/**
 * Sub-domains below the next overall level, the lowest first: by level, then by score, then by their weight in S ×
 * their shortfall. The weight is not the first key: with equal weights down the model tree (the official weights are
 * not available) a manufacturing sub-domain weighs under 1 % of S, so that ranking would put a level-2 sub-domain of
 * the technology factor before a manufacturing one at level 0 — not what a plant reads as its largest gap. Sub-domains
 * that cannot be judged (every answer unknown) come last: their level 0 says nothing.
 */
export function gapSubdomains(r: ScoreResult) {
  const target = Math.min(5, (r.maturity.level ?? 0) + 1);
  // The sub-domain's effective weight at the target level (its nominal weight where it has no score there).
  const share = (s: ScoreResult['subdomains'][number]) => s.weights[target - 1] ?? s.weight;
  return r.subdomains
    .filter((s) => s.level < target)
    .map((s) => ({ s, target, priority: share(s) * (target - s.score) }))
    .sort((a, b) => Number(b.s.judged) - Number(a.s.judged) || a.s.level - b.s.level || a.s.score - b.s.score || b.priority - a.priority);
}
/**
 * The gaps: sub-domains below the next level, a short list; those whose answers are all "don't know" or unanswered
 * are not given a level (it would say nothing) but named together in one last line.
 */
export function gapsOf(r: ScoreResult, w: Wording, held?: { q: Questionnaire; answers: Answers; office: boolean }): { lines: Text[]; more?: Text } {
  const all = gapSubdomains(r);
  const judged = all.filter(({ s }) => s.judged);
  // (a sub-domain below level 1 is "not yet level 1", never "level 0"), with the requirements of the next level the
  // answers do not fully meet: "装备：未达到 1 级" alone reads as untrue of a plant whose key processes run on PLCs
  const lines = judged.slice(0, SHORT_LIST).map(({ s }) => {
    const line = fill(w.phrases[s.level >= 1 ? 'gapLine' : 'gapLineNotYet']!, { name: s.name, level: s.level, target: s.level + 1 });
    const open = held ? openRequirements(held.q, held.answers, r, s.id, s.level + 1, held.office) : [];
    if (!open.length) return line;
    const shown = open.slice(0, 2).map((t) => quoted(shortRequirement(t)));
    const more = open.length > 2 ? fill(w.phrases.gapHeldByMore!, { count: open.length - 2 }) : { zh: '', en: '' };
    return joinTexts([line, fill(w.phrases.gapHeldBy!, { target: s.level + 1, list: joinTexts(shown), more })], { zh: '', en: '' });
  });
  const unjudged = r.subdomains.filter((s) => !s.judged);
  if (unjudged.length) lines.push(fill(w.phrases.gapsUndetermined!, { list: joinTexts(unjudged.map((s) => s.name)) }));
  return judged.length > SHORT_LIST ? { lines, more: fill(w.phrases.moreGaps!, { count: judged.length - SHORT_LIST }) } : { lines };
}

/**
 * The executive summary: the level, the targets, the weakest sub-domains, the plan's size and (`projected`: the
 * projection after the plan period's last phase, as the phase table gives it) the level the plan would reach.
 */
export function summaryOf(r: ScoreResult, w: Wording, counts: { inPlan: number; later: number; months: number; withheld?: number }, projected?: Projection | null, others?: readonly OtherScoring[]): Text {
  const missed = r.indicators.filter((i) => i.met === false);
  const met = r.indicators.filter((i) => i.met === true);
  // A share of companies (countsToward) is never met or missed by one plant: one that does not count toward it is
  // said to be not counted yet, as the indicator table says it, never "below its target".
  const notCounted = r.indicators.filter((i) => i.countsToward && i.target !== undefined && (i.value === 0 || i.value === false));
  // An indicator with a target that could not be computed is neither met nor missed: it is named as such.
  const notComputed = r.indicators.filter((i) => i.target !== undefined && i.value === null);
  let verdict: Text =
    missed.length || notCounted.length || notComputed.length
      ? joinTexts(
          [
            ...(missed.length ? [fill(w.phrases.summaryMissed!, { list: joinTexts(missed.map((i) => i.title)) })] : []),
            ...(notCounted.length ? [fill(w.phrases.summaryNotCounted!, { list: joinTexts(notCounted.map((i) => i.title)) })] : []),
            ...(notComputed.length ? [fill(w.phrases.summaryNotComputed!, { list: joinTexts(notComputed.map((i) => i.title)) })] : []),
          ],
          { zh: '', en: '' },
        )
      : // the ones met, named (one regional reference, often a lapsed year's, is no "every indicator is met")
        met.length
        ? fill(w.phrases.summaryMet!, { list: joinTexts(met.map((i) => i.title)) })
        : same('');
  const uncheckedIds = uncheckedIndicators(r);
  const unchecked = r.indicators.filter((i) => i.target !== undefined && uncheckedIds.has(i.id));
  if (unchecked.length) verdict = joinTexts([verdict, fill(w.phrases.summaryUnchecked!, { list: joinTexts(unchecked.map((i) => i.title)) })], { zh: '', en: '' });
  // (the office report: the projects it does not list are counted, as its phase table counts them)
  const later = joinTexts([counts.later ? fill(w.phrases.summaryLater!, { count: counts.later }) : same(''), counts.withheld ? fill(w.phrases.summaryWithheld!, { count: counts.withheld }) : same('')], same(''));
  const plan = { count: counts.inPlan, months: counts.months, later };
  // Without a stated level the summary states none, and no S either (a score of unanswered questions says nothing);
  // sub-domain gaps then mostly reflect unanswered questions: they are not named.
  if (r.maturity.level === null) return fill(w.phrases.generatedSummaryNoLevel!, { missed: verdict, ...plan });
  // The lowest sub-domains, each with its level (which section 9 shows), never one that cannot be judged.
  const weakest = gapSubdomains(r)
    .filter((g) => g.s.judged)
    .slice(0, 3)
    .map((g) => fill(w.phrases[g.s.level >= 1 ? 'summaryWeakestItem' : 'summaryWeakestItemNotYet']!, { name: g.s.name, level: g.s.level }));
  // the schemes that give another level: said where the level is stated, not only in section 3
  const differ = otherLevels(r, w, others);
  return fill(w.phrases.generatedSummary!, {
    level: levelText(r, w),
    score: scoreText(r.maturity.score, r.scoring.bands),
    provisional: r.maturity.provisional ? w.phrases.summaryProvisional! : '',
    missed: verdict,
    weakest: weakest.length ? fill(w.phrases.summaryWeakest!, { list: joinTexts(weakest) }) : '',
    ...plan,
    projected: projected && counts.inPlan ? projectedText(projected, r, w) : '',
    method: joinTexts([fill(w.phrases.headlineMethod!, { title: r.scoring.title }), ...(differ ? [differ] : [])], { zh: '', en: ' ' }),
  });
}

/** The level after the plan period, said against today's: reached, the same, or still below level 1. */
function projectedText(p: Projection, r: ScoreResult, w: Wording): Text {
  const score = scoreText(p.score, r.scoring.bands);
  if (p.level === null || p.level < 1) return fill(w.phrases.summaryProjectedNotYet!, { score });
  return fill(p.level === r.maturity.level ? w.phrases.summaryProjectedSame! : w.phrases.summaryProjected!, { level: p.level, score });
}

export function methodOf(r: ScoreResult, q: Questionnaire, w: Wording, office: boolean): Method {
  const s = r.scoring.satisfaction;
  const rule = fill(w.phrases.methodRule!, {
    full: s.full!,
    mostly: s.mostly!,
    partial: s.partial!,
    none: s.none!,
    pass: r.scoring.passThreshold,
    selfRating: w.phrases[r.scoring.selfRating === 'average' ? 'methodAverage' : 'methodFallback']!,
    aggregation: w.phrases[r.scoring.aggregation === 'flat' ? 'methodFlat' : 'methodTree']!,
  });
  const since = r.excluded.filter((e) => e.reason === 'since').length;
  const mode = r.excluded.filter((e) => e.reason === 'mode').length;
  const excludedSummary: Text[] = [];
  if (since) excludedSummary.push(fill(w.phrases.excludedSince!, { count: since, version: r.questionnaire.version, fileVersion: r.questionnaire.fileVersion ?? '?' }));
  if (mode) excludedSummary.push(fill(w.phrases.excludedMode!, { count: mode }));
  const unconfirmed: Text[] = [];
  // first what is open at this plant: the scored questions nobody could answer
  const unanswered = r.scoredApplicable - r.scoredAnswered;
  const open = [...(r.scoredUnknown > 0 ? [fill(w.phrases.unconfirmedUnknownPart!, { count: r.scoredUnknown })] : []), ...(unanswered > 0 ? [fill(w.phrases.unconfirmedUnansweredPart!, { count: unanswered })] : [])];
  if (open.length) unconfirmed.push(fill(w.phrases.unconfirmedAnswers!, { parts: joinTexts(open, { zh: '、', en: ' and ' }), applicable: r.scoredApplicable }));
  if (r.scoring.draft) unconfirmed.push(w.phrases.unconfirmedDraft!);
  if (r.scoring.note) unconfirmed.push(r.scoring.note);
  unconfirmed.push(w.phrases.unconfirmedGrouping!, w.phrases.unconfirmedReference!);
  return {
    rule,
    ...(r.scoring.weightsNote ? { weights: joinTexts([r.scoring.weightsNote, ...weightSpread(r, w)], { zh: '', en: ' ' }) } : {}),
    levelScores: r.maturity.levelScores.map((l, i) => ({ level: i + 1, score: l.toFixed(4), counted: i < (r.maturity.heldAt ?? 5) })),
    weightNote: w.phrases.weightShare!,
    subdomains: r.subdomains.map((x) => ({ name: x.name, weight: effectiveShare(x), contributions: x.contributions.map((c) => (c === null ? '—' : c.toFixed(3))), level: x.level, levelShown: levelCell(x.level, w), score: scoreText(x.score, r.scoring.bands), judged: x.judged })),
    excludedSummary,
    // Itemised: what this plant's answers and type left out (n/a, tailoring); version and mode are counted above. The
    // office never reads a confidential question's n/a, so its report lists none of them (whatever the reason).
    excluded: r.excluded.filter((e) => e.reason !== 'since' && e.reason !== 'mode' && !(office && q.byId.get(e.id)?.confidential)).map((e) => ({ question: q.byId.get(e.id)?.text ?? same(e.id), reason: w.exclusionReasons[e.reason] ?? same(e.reason) })),
    unconfirmed,
    priority: w.phrases.priorityFormula!,
    ...(r.findings || r.confirmedFindings ? { findings: findingsOf(r, q, w, office) } : {}),
  };
}

/** The consistency checks: counted for every audience, listed for the office (never those naming a confidential answer). */
function findingsOf(r: ScoreResult, q: Questionnaire, w: Wording, office: boolean): { count: Text; list: Text[] } {
  const all = r.findings ?? [];
  const open = all.length ? fill(w.phrases.findingsCount!, { count: all.length }) : w.phrases.findingsNone!;
  // what the assessor checked and found true of the plant: said, with what was checked (the office: counted only —
  // the note is the assessor's free text)
  const confirmed = (r.confirmedFindings ?? []).filter((f) => !(office && f.questions.some((id) => q.byId.get(id)?.confidential)));
  const checked = confirmed.length
    ? office
      ? fill(w.phrases.findingsConfirmedCount!, { count: confirmed.length })
      : fill(w.phrases.findingsConfirmed!, { count: confirmed.length, list: joinTexts(confirmed.map((f) => fill(w.phrases.findingConfirmedItem!, { message: quoted(f.message), note: f.note ?? '' })), { zh: '', en: ' ' }) })
    : undefined;
  const count = checked ? joinTexts([open, checked], { zh: '', en: ' ' }) : open;
  // The plant's own report names every contradiction in its answers (a conclusion resting on them says "see the
  // consistency check"); the office's never one naming a confidential answer.
  const list = (office ? all.filter((f) => !f.questions.some((id) => q.byId.get(id)?.confidential)) : all).map((f) => f.message);
  return { count, list };
}

/** A level in a table's level column: its number, or below level 1 "未达 1 级" (never 0: the glossary's words). */
export const levelCell = (level: number, w: Wording): Text => (level >= 1 ? same(String(level)) : w.phrases.tableLevelNotYet!);

/**
 * The requirement questions of a sub-domain at a level that the answers do not fully meet (visible and answered
 * less than fully), by their text: what keeps the sub-domain below that level. None for an
 * express interview (its requirement questions are not asked); the office is not told a confidential one.
 */
function openRequirements(q: Questionnaire, answers: Answers, r: ScoreResult, subdomain: string, level: number, office: boolean): Text[] {
  const out: Text[] = [];
  for (const question of q.questions) {
    if (question.type !== 'requirement' || question.level !== level) continue;
    if (question.subdomain !== subdomain && r.scoring.subdomainMapping?.[question.subdomain ?? ''] !== subdomain) continue;
    if ((answers.visibility.get(question.id) ?? 'visible') !== 'visible' || (office && question.confidential)) continue;
    const a = answers.resolved.get(question.id);
    // answered less than fully (an unknown or unanswered one is not known to be unmet: not said to be)
    if (a?.status !== 'answered' || a.value === 'full') continue;
    out.push(questionText(question, answers.file.respondent.industry));
  }
  return out;
}

/** A requirement without its bracketed asides ("按进出厂、车间（主要次级用能单位）和…" → "按进出厂、车间和…"): whole clauses only. */
function shortRequirement(t: Text): Text {
  return { zh: t.zh.replace(/（[^（）]*）/g, ''), en: t.en.replace(/ \([^()]*\)/g, '') };
}
