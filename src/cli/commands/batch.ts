import { availableParallelism } from 'node:os';
import { runBatch, type BatchOutcome } from '../../app/batch/run.js';
import { DEFAULT_ANON_KEY } from '../../core/batch/anonymize.js';
import type { BatchSummary } from '../../core/batch/summary.js';
import { displayPath } from '../../io/paths.js';
import { tableLimitsFrom } from '../../io/tables/limits.js';
import { limitsFrom, type Context } from '../context.js';
import { EXIT } from '../errors.js';
import type { BatchOptions } from '../options.js';
import { createProgress } from '../progress.js';

export async function run(ctx: Context<BatchOptions>, inputs: string[]): Promise<number> {
  const { term, opts } = ctx;
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
        groupBy: opts.groupBy,
        anonymize: Boolean(opts.anonymize),
        anonKey: process.env.ZHIZAO_ANONYMIZE_KEY || DEFAULT_ANON_KEY,
        minGroupSize: opts.minGroupSize,
        jobs: opts.jobs ?? availableParallelism(),
        force: Boolean(opts.force),
        lang: term.lang,
        limits: limitsFrom(opts),
        tableLimits: tableLimitsFrom(opts),
      },
      {
        note: (text) => term.say(term.err.yellow(text)),
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

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`);

async function reportToTerminal(ctx: Context, outcome: BatchOutcome, toStdout: boolean): Promise<void> {
  const { term } = ctx;
  const s: BatchSummary = outcome.summary;
  const headline = term.msg('cli.batch-scored', { scored: s.scored, companies: s.companies, superseded: s.superseded, rejected: s.rejected });
  if (toStdout) {
    const lines = [headline, term.msg('cli.batch-levels', { levels: Object.entries(s.levels).map(([l, n]) => `L${l} ${n}`).join('  ') })];
    for (const i of s.indicators) {
      if (i.target === undefined) continue;
      const verdict = i.met === null || i.met === undefined ? '—' : term.msg(i.met ? 'cli.batch-met' : 'cli.batch-not-met');
      lines.push(`  ${term.t(i.title)}: ${pct(i.value)} ${i.comparison} ${pct(i.target)} (${i.targetYear}, ${i.population ? term.t(i.population) : ''}) ${verdict}; ${term.msg('cli.batch-companies-meeting', { meeting: i.companiesMeetingTarget ?? '—', withValue: i.companiesWithOwnValue })}`);
    }
    term.stdout.write(lines.join('\n') + '\n');
  } else term.say(headline);
  for (const f of outcome.written) term.say(term.msg('cli.wrote', { file: displayPath(f) }));
  for await (const r of outcome.rejected()) term.say(term.err.red(`${r.file}${r.row !== undefined ? term.msg('cli.batch-row', { row: r.row }) : ''}:${r.line}:${r.column} ${r.message}`));
  for (const d of s.duplicates) {
    const where = d.members.map((m) => `${m.file}${m.row !== undefined ? `:${m.row}` : ''}${m.superseded ? '' : ' ✓'}`).join(', ');
    term.say(term.err.yellow(term.msg('batch.duplicate-plant', { plant: d.plant, count: d.count, where })));
  }
}
