import path from 'node:path';
import { compareResults, type Comparison } from '../../core/compare.js';
import { KPI_IDS } from '../../core/targets.js';
import type { Text } from '../../core/types.js';
import { EXIT, UsageError } from '../errors.js';
import { printJson } from '../json-output.js';
import { loadPlant, scorePlant, scoringSetup, type Plant } from '../pipeline.js';
import type { Context } from '../program.js';
import { renderComparison } from '../render-compare.js';
import { writeOutput } from '../write-output.js';

/** The questionnaire's unit for each KPI question (used when kpis.units does not name one). */
function questionUnits(...plants: Plant[]): Partial<Record<string, Text>> {
  const out: Partial<Record<string, Text>> = {};
  for (const id of KPI_IDS) {
    for (const p of plants) {
      const unit = p.questionnaire.byId.get(id)?.unit;
      if (unit) {
        out[id] = unit;
        break;
      }
    }
  }
  return out;
}

function reportFormat(ctx: Context): 'md' | 'html' | 'docx' | undefined {
  const f = ctx.opts.format as 'md' | 'html' | 'docx' | undefined;
  if (f) return f;
  const out = ctx.opts.output as string | undefined;
  if (out === undefined || out === '-') return out === '-' ? 'md' : undefined;
  const ext = path.extname(out).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.docx') return 'docx';
  return 'md';
}

/** `zhizao compare BASELINE FOLLOWUP`: progress between two assessments of one plant. Exit 0 (findings are output). */
export async function run(ctx: Context, baselineFile: string, followupFile: string): Promise<number> {
  const format = reportFormat(ctx);
  if (format === 'docx' && (ctx.opts.output === undefined || ctx.opts.output === '-')) {
    throw new UsageError(ctx.term.t({ zh: 'DOCX 需要用 -o 指定输出文件', en: 'docx needs an output file: add -o progress.docx' }));
  }
  if (format && ctx.opts.json && (ctx.opts.output === undefined || ctx.opts.output === '-')) {
    throw new UsageError(ctx.term.t({ zh: '--json 与报告同时输出时请用 -o 指定报告文件', en: 'with --json, write the report to a file with -o' }));
  }
  const baseline = await loadPlant({ ...ctx, opts: { ...ctx.opts, merge: false } }, [baselineFile]);
  const followup = await loadPlant({ ...ctx, opts: { ...ctx.opts, merge: false } }, [followupFile]);
  const bResult = await scorePlant(ctx, baseline);
  const fResult = await scorePlant(ctx, followup);
  const { targets } = await scoringSetup(ctx, followup.questionnaire);
  const comparison: Comparison = compareResults(bResult, fResult, baseline.answers, followup.answers, targets, {
    baselineName: baseline.file,
    followupName: followup.file,
    defaultUnits: questionUnits(followup, baseline),
  });

  // Warnings and refusals on stderr too, so that scripts reading --json still see them in logs.
  for (const w of comparison.warnings) ctx.term.say(ctx.term.err.yellow(`${ctx.term.t({ zh: '警告', en: 'warning' })} ${ctx.term.t(w.message)}`));
  const refused = comparison.kpis.filter((k) => k.status === 'refused');
  const reasons = new Map<string, string[]>();
  for (const k of refused) {
    const m = ctx.term.t(k.reason!.message);
    reasons.set(m, [...(reasons.get(m) ?? []), ctx.term.t(k.title)]);
  }
  for (const [m, titles] of reasons) ctx.term.say(ctx.term.err.yellow(`${ctx.term.t({ zh: '不作比较', en: 'not compared' })} (${titles.join(', ')}): ${m}`));

  if (ctx.opts.json) printJson(comparison);
  if (format === 'md' || format === 'html') {
    const { renderCompareHtml, renderCompareMarkdown } = await import('../../report/compare-md.js');
    const text = format === 'md' ? renderCompareMarkdown(comparison, ctx.term.lang) : renderCompareHtml(comparison, ctx.term.lang);
    await writeOutput(ctx, text, ctx.opts.output as string | undefined);
  } else if (format === 'docx') {
    const [{ compareDocument }, { renderDocxBlocks }] = await Promise.all([import('../../report/compare-md.js'), import('../../report/docx-blocks.js')]);
    const blocks = compareDocument(comparison, ctx.term.lang);
    const title = blocks.find((b) => b.kind === 'heading')?.text ?? 'zhizao';
    await writeOutput(ctx, await renderDocxBlocks(blocks, title), ctx.opts.output as string | undefined);
  } else if (!ctx.opts.json) {
    ctx.term.stdout.write(renderComparison(comparison, ctx.term.lang, ctx.term.out));
  }
  return EXIT.ok;
}
