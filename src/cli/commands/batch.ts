import { dryRunBatch, type DryRunResult } from '../../app/batch/dry-run.js';
import { fieldTitle, figurePopulation, groupLabel, sizeNotStatedNote, type GroupWords } from '../../app/batch/columns.js';
import { batchOutputFormat } from '../../app/batch/layout.js';
import { csvNames } from '../../app/batch/output.js';
import { inColumn } from '../../app/batch/parts.js';
import { runBatch, type BatchOutcome, type BlankedCells } from '../../app/batch/run.js';
import { DEFAULT_ANON_KEY } from '../../core/batch/anonymize.js';
import type { BatchSummary, GroupFigures } from '../../core/batch/summary.js';
import { resubmissionPairs } from '../../core/batch/supersede.js';
import { DEFAULT_MIN_GROUP_SIZE, percentDigits } from '../../core/batch/verdict.js';
import { displayPath } from '../../io/paths.js';
import { isMessageCode, type MessageCode } from '../../messages/catalogue.js';
import { tableLimitsFrom } from '../../io/tables/limits.js';
import { LAYOUT_ROW_CODES, lostCode, SHEET_NOT_READ_CODES } from '../../io/tables/table-input.js';
import { limitsFrom, type Context } from '../context.js';
import { EXIT } from '../errors.js';
import type { BatchOptions } from '../options.js';
import { createProgress } from '../progress.js';

export async function run(ctx: Context<BatchOptions>, inputs: string[]): Promise<number> {
  const { term, opts } = ctx;
  if (opts.dryRun) return dryRun(ctx, inputs);
  const anonKey = process.env.ZHIZAO_ANONYMIZE_KEY || DEFAULT_ANON_KEY;
  if (opts.anonymize && anonKey === DEFAULT_ANON_KEY) term.say(term.err.yellow(term.msg('batch.builtin-key')));
  const progress = createProgress(0, term.msg('cli.batch-progress-label'));
  // Ctrl-C: end the progress line; main's handler removes temporary files and exits 130.
  const interrupted = () => process.stderr.write('\n');
  process.prependOnceListener('SIGINT', interrupted);
  let rejectedCount = 0;
  try {
    await runBatch(
      ctx.defs,
      {
        inputs,
        output: opts.output,
        json: Boolean(opts.json),
        map: opts.map,
        reports: opts.reports ? { dir: opts.reports, format: opts.format } : undefined,
        questionnaire: opts.questionnaire,
        targets: opts.targets,
        profile: opts.profile,
        policy: opts.policy,
        groupBy: opts.groupBy,
        anonymize: Boolean(opts.anonymize),
        anonKey,
        // Always given, so that groups smaller than it are never broken out unless asked for (--min-group-size 1):
        // a district of one company would otherwise publish that company's figures.
        minGroupSize: opts.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
        jobs: opts.jobs,
        force: Boolean(opts.force),
        lang: term.lang,
        cmd: term.cmd(),
        limits: limitsFrom(opts),
        tableLimits: tableLimitsFrom(opts),
        onBadCell: opts.onBadCell ?? 'reject',
        includeAnswers: Boolean(opts.includeAnswers),
      },
      {
        // a note clears the progress line first (a terminal only)
        note: (text) => term.say((process.stderr.isTTY ? '\r\x1b[2K' : '') + term.err.yellow(text)),
        progress: (u) => progress.update(u),
        stdout: term.stdout,
        finished: async (outcome) => {
          progress.stop();
          rejectedCount = outcome.rejectedCount;
          await reportToTerminal(ctx, outcome, !opts.json && !opts.output);
        },
      },
    );
  } finally {
    progress.stop();
    process.removeListener('SIGINT', interrupted);
  }
  return rejectedCount > 0 ? EXIT.invalid : EXIT.ok;
}

/** A percentage as the terminal shows it: to 0.1 % as the workbook does (97.0 %), more decimals where they tell a value from its target. */
const pct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : `${(Math.round(x * 100 * 10 ** digits) / 10 ** digits).toFixed(digits)}%`);

async function reportToTerminal(ctx: Context<BatchOptions>, outcome: BatchOutcome, toStdout: boolean): Promise<void> {
  const { term } = ctx;
  const s: BatchSummary = outcome.summary;
  // fewer plants than the minimum group size: their level counts are withheld like every other figure
  const levels = s.levelsWithheld ? term.msg('cli.batch-withheld', { min: s.minGroupSize }) : [...Object.entries(s.levels).map(([l, n]) => `L${l} ${n ?? '—'}`), term.msg('cli.batch-no-level', { n: s.noLevel ?? '—' })].join('  ');
  // The counts, what the figures are a sample of and how many plants got a level: with the figures on stdout, or on
  // the terminal alone when the results went to a file.
  // nothing scored: said plainly, without level counts, a mean or indicator figures over no company
  const none = s.scored === 0;
  const lines = [none ? term.msg('cli.batch-scored-none', { rejected: s.rejected }) : term.msg('cli.batch-scored', { scored: s.scored, companies: s.companies, superseded: s.superseded, rejected: s.rejected }), ...(s.unmergedParts ? [term.msg('cli.batch-unmerged-parts', { count: s.unmergedParts })] : []), term.t(s.sample.statement), ...(none ? [] : [term.msg('cli.batch-levels', { levels })])];
  if (toStdout && none) term.stdout.write(lines.join('\n') + '\n');
  else if (toStdout) {
    // withheld with the level counts: no n either (beside the companies it would give the 未定级 count back)
    lines.push(s.meanScoreN === null ? term.msg('cli.batch-mean-score-withheld', { min: s.minGroupSize }) : term.msg('cli.batch-mean-score', { score: s.meanScore === null ? '—' : s.meanScore.toFixed(2), n: s.meanScoreN }));
    for (const i of s.indicators) {
      if (i.target === undefined) continue;
      const verdict = i.withheld ? term.msg('cli.batch-withheld', { min: s.minGroupSize }) : i.met === null || i.met === undefined ? '—' : term.msg(i.met ? 'cli.batch-met' : 'cli.batch-not-met');
      const counted = `${i.method === 'share' && i.numerator !== null ? `${i.numerator}/${i.denominator}` : `n=${i.denominator}`}, ${figurePopulation(i.regionalPopulation, term.lang)}`;
      const meeting = i.companiesMeetingTarget !== undefined && i.companiesMeetingTarget !== null ? `; ${term.msg('cli.batch-companies-meeting', { meeting: i.companiesMeetingTarget, withValue: i.companiesWithOwnValue ?? '—' })}` : '';
      const historical = i.historical ? ` (${term.msg('cli.batch-historical')})` : '';
      const digits = percentDigits(i.value, i.target);
      lines.push(`  ${term.t(i.title)}: ${pct(i.value, digits)} (${counted}) ${i.comparison} ${pct(i.target, digits)} (${i.targetYear}${historical}, ${i.population ? term.t(i.population) : ''}) ${verdict}${meeting}`);
      const unsized = sizeNotStatedNote(s, i, term.lang);
      if (unsized) lines.push(`    ${unsized}`);
    }
    term.stdout.write(lines.join('\n') + '\n');
  } else {
    for (const line of lines) term.say(line);
    // the figures are in the file: still say here why the 规上 ones are empty
    for (const i of s.indicators) {
      const unsized = i.target === undefined ? null : sizeNotStatedNote(s, i, term.lang);
      if (unsized) term.say(term.err.yellow(`${term.t(i.title)}: ${unsized}`));
    }
  }
  if (s.indicators.some((i) => i.target !== undefined && sizeNotStatedNote(s, i, term.lang))) term.say(term.err.yellow(term.msg('note.size-not-stated-fix')));
  for (const f of outcome.written) term.say(term.msg('cli.wrote', { file: displayPath(f) }));
  if (outcome.blanked?.cells) term.say(term.err.yellow(blankedLine(ctx, outcome.blanked)));
  for (const note of smallGroupNotes(ctx, s, outcome.groupWords)) term.say(term.err.yellow(note));
  // the default grouping by district while many companies state none: say so, and offer region when most state one
  const u = s.groupByUnstated;
  if (u && u.companies * 2 > s.companies) {
    term.say(term.err.yellow(term.msg('cli.batch-groups-unstated', { unstated: u.companies, companies: s.companies })));
  }
  for await (const r of outcome.rejected()) {
    const where = `${r.file}${r.row !== undefined ? term.msg('cli.batch-row', { row: r.row }) : ''}:${r.line}:${r.column}`;
    term.say(term.err.red(`${where} ${r.company !== undefined ? term.msg('batch.rejected-company', { company: r.company, message: r.message }) : r.message}`));
  }
  for (const d of s.sameCodeOtherName ?? []) {
    const where = d.members.map((m) => `${m.file}${m.row !== undefined ? `:${m.row}` : ''} (${[m.company, m.site].filter(Boolean).join(' / ')})`).join(', ');
    term.say(term.err.yellow(term.msg('batch.same-code-other-name', { code: d.code, where })));
  }
  for (const d of s.sameCodeOtherSite ?? []) {
    const where = d.members.map((m) => `${m.file}${m.row !== undefined ? `:${m.row}` : ''} (${m.site ?? term.msg('cli.batch-no-site')})`).join(', ');
    term.say(term.err.yellow(term.msg(d.byName ? 'batch.same-name-other-site' : 'batch.same-code-other-site', { plant: d.plant, where })));
  }
  for (const d of s.duplicates) {
    // every row with its date (✓ the current one); the resubmission line names only the pairs it is about
    const row = (m: (typeof d.members)[number]) => `${m.file}${m.row !== undefined ? `:${m.row}` : ''} (${m.date ?? term.msg('cli.batch-no-date')})`;
    const where = d.members.map((m) => `${row(m)}${m.superseded ? '' : ' ✓'}`).join(', ');
    if (d.parts) {
      const parts = d.members.filter((m) => m.relation === 'part');
      const kept = d.members.find((m) => !m.superseded);
      if (kept) term.say(term.err.yellow(term.msg('batch.parts-merged', { plant: d.plant, count: parts.length, kept: row(kept), where: parts.map(row).join(', ') })));
      else term.say(term.err.yellow(term.msg('batch.unmerged-parts', { plant: d.plant, count: parts.length, cmd: term.cmd(), where: parts.map(row).join(', ') })));
      continue;
    }
    const coded = d.members.filter((m) => m.coded).length;
    term.say(term.err.yellow(term.msg(d.matchedByName ? 'batch.same-plant-by-name' : 'batch.duplicate-plant', { plant: d.plant, count: d.count, coded, uncoded: d.members.length - coded, where })));
    // a pair with the same date (or none) was decided by input order: said so, not called "later"
    const pairs = resubmissionPairs(d.members);
    const tied = ([a, b]: [number, number]) => d.members[a]!.date === d.members[b]!.date;
    const pairText = (ps: [number, number][]) => ps.map(([a, b]) => `${row(d.members[a]!)} → ${row(d.members[b]!)}`).join('; ');
    const dated = pairs.filter((p) => !tied(p));
    const same = pairs.filter(tied);
    const own = d.members.filter((m) => m.relation === 'self-report');
    const kept = d.members.find((m) => !m.superseded);
    if (own.length && kept) term.say(term.err.yellow(term.msg('batch.self-report-after-assessment', { plant: d.plant, days: s.conflictWindowDays, kept: row(kept), where: own.map(row).join(', ') })));
    if (dated.length) term.say(term.err.yellow(term.msg('batch.resubmission', { plant: d.plant, days: s.conflictWindowDays, count: dated.length, where: pairText(dated) })));
    if (same.length) term.say(term.err.yellow(term.msg('batch.same-date-resubmission', { plant: d.plant, count: same.length, where: pairText(same) })));
  }
}

/**
 * With --on-bad-cell blank, the cells left unanswered: how many, in how many companies, where the outputs list them
 * (the workbook's sheet 问题, OUT.problems.csv, the JSON's problems) and the first few.
 */
function blankedLine(ctx: Context<BatchOptions>, b: BlankedCells): string {
  const { term, opts } = ctx;
  const out = opts.output;
  const where: string[] = [];
  if (out) {
    const format = batchOutputFormat(out);
    if (format === 'xlsx') where.push(term.msg('cli.batch-blanked-sheet', { file: displayPath(out) }));
    else if (format === 'csv') where.push(term.msg('cli.batch-blanked-file', { file: displayPath(csvNames(out).problems) }));
    else where.push(term.msg('cli.batch-blanked-json', {}));
  }
  if (opts.json && !(out && batchOutputFormat(out) === 'json')) where.push(term.msg('cli.batch-blanked-json', {}));
  if (!where.length) where.push(term.msg('cli.batch-blanked-nowhere', {}));
  const cell = (c: BlankedCells['first'][number]) => (c.company !== undefined ? term.msg('cli.batch-blanked-cell', { file: c.file, cell: c.cell ?? '', company: c.company }) : `${c.file} ${c.cell ?? ''}`.trim());
  const sep = term.lang === 'zh' ? '、' : ', ';
  const first = b.first.map(cell).join(sep) + (b.cells > b.first.length ? term.msg('cli.batch-blanked-more', {}) : '');
  return term.msg('cli.batch-blanked', { cells: b.cells, companies: b.companies, where: where.join(term.lang === 'zh' ? '和' : ' and '), first });
}

/** One line per breakdown (groups, 规上/规下) whose small groups were merged into "other": what is not broken out, and how to change it. */
function smallGroupNotes(ctx: Context, s: BatchSummary, words?: GroupWords): string[] {
  const { term } = ctx;
  // a grouping by a question: by its text, its groups by their options' labels
  const field = fieldTitle(s.groupBy, term.lang, words);
  const note = (by: string, groups: readonly GroupFigures[] | undefined, named: boolean) => {
    const other = groups?.find((g) => g.key === 'other' && g.merged !== undefined);
    if (!other) return [];
    const count = typeof other.merged === 'number' ? other.merged : (other.merged?.length ?? 0);
    const line = term.msg(other.suppressed ? 'cli.batch-groups-suppressed' : 'cli.batch-groups-merged', { by, count, n: s.minGroupSize, companies: other.companies });
    // which groups "other" covers (the grouping's own values, not the size classes)
    // (the companies that gave no value for the grouping field by their label, not by the internal key)
    const names = Array.isArray(other.merged) ? other.merged.map((k) => groupLabel(k, term.lang, { words })) : [];
    return [named && names.length ? `${line}${term.msg('cli.batch-groups-merged-names', { names: names.join(term.lang === 'zh' ? '、' : ', ') })}` : line];
  };
  return [...note(field, s.groups, true), ...note(term.msg('cli.batch-by-size'), s.bySize, false), ...similarGroupNotes(ctx, s)];
}

/**
 * Groups whose names differ only by a prefix or suffix ("经开区" and "郑州经开区"): likely one place written two ways,
 * so its companies are split between two groups (or one lands in "other"). Said, with how to write them alike.
 */
function similarGroupNotes(ctx: Context, s: BatchSummary): string[] {
  const keys = [...new Set([...(s.groups ?? []).map((g) => g.key), ...(s.groups ?? []).flatMap((g) => (Array.isArray(g.merged) ? g.merged : []))])].filter((k) => k !== 'other' && k !== '(none)' && k.length >= 2 && !/^\d+$/.test(k));
  const out: string[] = [];
  const field = fieldTitle(s.groupBy, ctx.term.lang);
  for (const a of keys)
    for (const b of keys) {
      if (a === b || !b.includes(a)) continue;
      // an industry code and one of its subclasses (C35 and C3511, GB/T 4754): two levels of one classification
      if (s.groupBy === 'sector' && /^[A-Z]\d{2,3}$/.test(a) && b.startsWith(a)) out.push(ctx.term.msg('cli.batch-groups-sector-levels', { a, b }));
      else out.push(ctx.term.msg('cli.batch-groups-similar', { a, b, by: s.groupBy ?? '', field }));
    }
  return out;
}

/** How many cells with a problem the dry run lists per table (the JSON has them all). */
const DRY_RUN_CELLS = 20;

/**
 * The cells of a table a real run would reject its row for, leave unanswered (--on-bad-cell blank) or leave out of
 * the regional figures (outside the plausible range), and the contradictions between answers it would list, each as
 * the problems list words it, with its column; or that there are none.
 */
function dryRunCells(ctx: Context<BatchOptions>, t: DryRunResult['tables'][number]): string[] {
  const { term } = ctx;
  const cells = t.cells ?? [];
  if (!cells.length) return [term.msg('batch.dry-run-cells-ok')];
  const lines = cells.slice(0, DRY_RUN_CELLS).map((c) => {
    // (a contradiction between answers names the cell of each itself, not one column)
    const message = c.header && c.code !== 'answers.check' ? inColumn(c.message, c.header, term.lang) : c.message;
    // (a value out of its range: the problem's own words already say it is left out of the regional figures)
    const action = c.action === 'excluded' ? term.msg('batch.dry-run-kept-row') : term.msg(`label.action.${c.action}` as MessageCode);
    const line = term.msg('batch.dry-run-cell', { cell: c.cell ?? term.msg('batch.dry-run-row', { row: c.row ?? c.line }), company: c.company ?? '—', message, action });
    return c.action === 'rejected' ? term.err.red(line) : term.err.yellow(line);
  });
  if (cells.length > DRY_RUN_CELLS) lines.push(term.msg('batch.dry-run-cells-more', { count: cells.length - DRY_RUN_CELLS }));
  const blanked = cells.filter((c) => c.action === 'blanked').length;
  const excluded = cells.filter((c) => c.action === 'excluded').length;
  // (the contradictions: the consistency checks' findings; the table's other warnings kept, such as a label kept as a
  // note, are listed above and not counted among them)
  const kept = cells.filter((c) => c.action === 'kept' && c.code === 'checks.finding').length;
  lines.push(term.msg('batch.dry-run-cells-summary', { rows: t.rejectedRows ?? 0, blanked, excluded, kept }));
  return lines;
}

/** `batch --dry-run`: column → question for every table, unmapped columns, unmatched labels, the cells a real run rejects; exit 1 when a real run would reject a table or a row. */
async function dryRun(ctx: Context<BatchOptions>, inputs: string[]): Promise<number> {
  const { term, opts } = ctx;
  const r: DryRunResult = await dryRunBatch(ctx.defs, { inputs, map: opts.map, questionnaire: opts.questionnaire, targets: opts.targets, tableLimits: tableLimitsFrom(opts), onBadCell: opts.onBadCell, lang: term.lang, cmd: term.cmd() });
  if (opts.json) {
    term.stdout.write(JSON.stringify(r, null, 2) + '\n');
    return r.errors ? EXIT.invalid : EXIT.ok;
  }
  const lines: string[] = [];
  for (const t of r.tables) {
    // a sheet a run skips (its workbook's other sheets are read): said as the run says it, a warning
    const skipped = t.problems.find((p) => SHEET_NOT_READ_CODES.has(p.code));
    if (skipped) {
      lines.push(term.err.yellow(`${t.file}: ${term.msg(skipped.code, skipped.args)}`));
      continue;
    }
    lines.push(term.msg('batch.dry-run-table', { file: t.file, line: t.headerLine ?? '—', rows: t.rows ?? 0 }));
    for (const c of t.columns ?? []) lines.push(term.msg('batch.dry-run-column', { letter: c.letter, header: c.header, target: c.note ? `${c.target} (${c.note})` : c.target }));
    for (const u of t.unmapped ?? []) lines.push(term.msg('batch.dry-run-unmapped', { letter: u.letter, header: u.header }));
    for (const l of t.lost ?? []) lines.push(term.err.red(`  ${term.msg(lostCode(l), { line: l.line, next: l.resumedAt ?? '—', detail: l.error })}`));
    for (const p of t.problems) {
      if (p.code === 'map.header-missing') lines.push(term.err.red(term.msg('batch.dry-run-missing', { header: String(p.args.header), target: String(p.args.target) })));
      else if (p.severity === 'error') lines.push(term.err.red(`  ${term.msg(p.code, p.args)}`));
      else if (LAYOUT_ROW_CODES.has(p.code)) lines.push(term.err.yellow(`  ${term.msg(p.code, p.args)}`));
    }
    if (t.unmatched?.length) for (const u of t.unmatched) lines.push(term.err.yellow(term.msg('batch.dry-run-labels', { id: u.id, count: u.labels.length, labels: u.labels.map((l) => `"${l.label}" ×${l.rows}`).join(', ') })));
    else if (t.columns) lines.push(term.msg('batch.dry-run-labels-ok'));
    if (t.columns) lines.push(...dryRunCells(ctx, t));
  }
  for (const o of r.others) {
    const kind = isMessageCode(`batch.dry-run-kind.${o.kind}`) ? term.msg(`batch.dry-run-kind.${o.kind}` as MessageCode) : o.kind;
    if (o.rejected) lines.push(term.err.red(term.msg('batch.dry-run-rejected', { file: o.file, message: term.msg(o.rejected.code, { ...o.rejected.args, cmd: term.cmd() }) })));
    else lines.push(term.msg('batch.dry-run-file', { file: o.file, kind }));
  }
  lines.push(term.msg('batch.dry-run-summary', { tables: r.tables.length, files: r.others.length }));
  const answers = r.others.filter((o) => o.kind === 'answer').length;
  if (answers) lines.push(term.err.yellow(term.msg('batch.dry-run-answers-unchecked', { count: answers, cmd: term.cmd() })));
  term.stdout.write(lines.join('\n') + '\n');
  return r.errors ? EXIT.invalid : EXIT.ok;
}
