import { availableParallelism, tmpdir } from 'node:os';
import { createReadStream, createWriteStream, mkdirSync, promises as fs, rmSync, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { AggregateStore, isRespondentGroupField, type SummaryLayout } from '../../core/batch/aggregate.js';
import { DEFAULT_ANON_KEY, pseudonym, scrubText } from '../../core/batch/anonymize.js';
import { safeFileName, UniqueNames } from '../../core/batch/filename.js';
import { PlantRegistry } from '../../core/batch/supersede.js';
import type { CompanyRecord } from '../../core/batch/record.js';
import { summarise, type BatchSummary } from '../../core/batch/summary.js';
import { InputError } from '../../core/diagnostics.js';
import type { Lang } from '../../core/types.js';
import { formatMessage } from '../../messages/catalogue.js';
import { registerBatchMessages } from '../../messages/batch-messages.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { DEFAULTS } from '../../io/definitions.js';
import { recommendForPark, type CompanyBrief } from '../../core/park-rules.js';
import { NONE_GROUP, OTHER_GROUP } from '../../core/batch/summary.js';
import { expandInputs, type InputItem } from '../../io/expand-inputs.js';
import { displayPath } from '../../io/paths.js';
import { assertWritable } from '../../io/tables/atomic-stream.js';
import type { SurveyMap } from '../../io/tables/columns.js';
import { tableLimitsFrom } from '../../io/tables/limits.js';
import { loadSurveyMap } from '../../io/tables/map-file.js';
import { csvNames, readSpool, removeDir, writeCsv, writeJson, writeXlsx, type FinalPass, type OutputFormat } from '../batch/output.js';
import { WorkerPool, type UnitRef } from '../batch/pool.js';
import { createProgress } from '../batch/progress.js';
import type { ProcessOptions, Rejected, Scored, Unit, UnitPart } from '../batch/process.js';
import { EXIT, UsageError } from '../errors.js';
import { limitsFrom, type Context } from '../program.js';

const REJECT_CODES: Partial<Record<InputItem['kind'], string>> = {
  missing: 'input.not-found',
  'no-match': 'input.no-match',
  'empty-folder': 'input.empty-folder',
  'binary-spreadsheet': 'input.binary-spreadsheet',
  unsupported: 'input.unsupported',
};

function outputFormat(file: string): OutputFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new UsageError(`-o ${file}: the output must end in .xlsx, .csv or .json`);
}

export async function run(ctx: Context, inputs: string[]): Promise<number> {
  registerBatchMessages();
  const { term, defs, opts } = ctx;
  const lang: Lang = term.lang;
  const force = Boolean(opts.force);
  const anonymize = Boolean(opts.anonymize);
  const anonKey = process.env.ZHIZAO_ANONYMIZE_KEY || DEFAULT_ANON_KEY;
  const minGroupSize = typeof opts.minGroupSize === 'number' ? opts.minGroupSize : 3;
  const jobs = typeof opts.jobs === 'number' ? opts.jobs : availableParallelism();
  const out = opts.output as string | undefined;
  const format = out ? outputFormat(out) : undefined;
  const groupBy = opts.groupBy as string | undefined;

  // Definitions first: a bad --questionnaire, --targets or --map stops here, before any input is read.
  const q = await defs.questionnaire((opts.questionnaire as string | undefined) ?? undefined);
  const profile = await defs.profile((opts.profile as string | undefined) ?? undefined);
  const targets = await defs.targets((opts.targets as string | undefined) ?? undefined, q);
  void profile;
  // Park-level rules (retrofit level "park") for the summary groups; absent when the rules do not fit the questionnaire.
  // Compiled while the workers score (the main thread is mostly idle then), awaited before the summary.
  let rules: Awaited<ReturnType<typeof defs.rules>> | undefined;
  const rulesLoading = q.def.id === DEFAULTS.questionnaire ? () => defs.rules(DEFAULTS.rules, q).then((r) => (rules = r), () => undefined) : () => Promise.resolve(undefined);
  if (groupBy !== undefined && !isRespondentGroupField(groupBy) && !q.byId.has(groupBy))
    throw new UsageError(term.t({ zh: `--group-by ${groupBy}：既不是企业信息字段，也不是问卷 ${q.def.id} 的题目编号`, en: `--group-by ${groupBy}: neither a respondent field nor a question id of ${q.def.id}` }));
  let map: SurveyMap | undefined;
  if (opts.map) map = await loadSurveyMap(String(opts.map), q, (f) => defs.source(f));

  // Outputs: refuse to start a long batch that could not write its result.
  const outFiles = format === 'csv' ? Object.values(csvNames(out!)) : out ? [out] : [];
  for (const f of outFiles) {
    const dir = path.dirname(path.resolve(f));
    if (!(await fs.stat(dir).then((st) => st.isDirectory(), () => false)))
      throw new UsageError(term.t({ zh: `-o ${f}：文件夹 ${displayPath(dir)} 不存在`, en: `-o ${f}: folder ${displayPath(dir)} does not exist` }));
    await assertWritable(f, force);
  }
  const reportsDir = opts.reports as string | undefined;
  if (reportsDir) {
    const existing = await fs.readdir(reportsDir).catch(() => [] as string[]);
    if (existing.length && !force) throw new UsageError(term.t({ zh: `--reports ${reportsDir}：文件夹不为空；请换一个空文件夹，或加 --force 覆盖同名报告`, en: `--reports ${reportsDir}: the folder is not empty; choose an empty one, or add --force to replace reports of the same name` }));
    await fs.mkdir(reportsDir, { recursive: true });
  }

  const exclude = new Set([...outFiles, ...(opts.map ? [String(opts.map)] : [])].map((f) => path.resolve(f)));
  const items = await expandInputs(inputs, exclude);
  const units: UnitRef[] = items.map((it, index): UnitRef => {
    const code = REJECT_CODES[it.kind];
    if (!code) return { index, path: it.path, kind: it.kind as Unit['kind'] };
    const args: Record<string, string> = it.kind === 'binary-spreadsheet' || it.kind === 'unsupported' ? { ext: path.extname(it.path).toLowerCase() || '(none)' } : {};
    // kept as given: a glob that matched nothing is not a path
    return { index, path: it.path, shown: it.shown, kind: 'reject', code, args };
  });
  items.length = 0;
  const shownOf = (u: UnitRef) => u.shown ?? displayPath(u.path);

  const layout: SummaryLayout = {
    sections: q.def.sections.map((s) => ({ id: s.id, title: s.title })),
    indicators: q.indicators.map(({ def }) => {
      const t = targets.targets.find((x) => x.indicator === def.id);
      return { id: def.id, kind: def.kind, title: def.title, ...(t ? { target: { comparison: t.comparison, value: t.value, year: t.year, population: t.population, source: t.source } } : {}) };
    }),
  };

  const options: ProcessOptions = {
    lang,
    limits: limitsFrom(opts),
    tableLimits: tableLimitsFrom(opts),
    ...(opts.questionnaire ? { questionnaire: String(opts.questionnaire) } : {}),
    ...(opts.targets ? { targets: String(opts.targets) } : {}),
    ...(opts.profile ? { profile: String(opts.profile) } : {}),
    ...(map ? { map } : {}),
    ...(groupBy ? { groupBy } : {}),
    ...(reportsDir ? { reports: opts.format as 'md' | 'html' | 'docx' } : {}),
    anonymize,
    anonKey,
    layout,
  };

  // Spool: rows go to disk in input order as they arrive; the final outputs are written from it in one pass
  // once superseded rows are known. Memory holds only the work in flight and a small aggregate per company.
  const spoolDir = await fs.mkdtemp(path.join(tmpdir(), 'zhizao-batch-'));
  const cleanup = () => rmSync(spoolDir, { recursive: true, force: true });
  process.once('exit', cleanup);
  // Ctrl-C: no partial output is left behind (temporary files go on exit), exit code 130 (product.md §3).
  const interrupted = () => {
    process.stderr.write('\n');
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    await fs.chmod(spoolDir, 0o700).catch(() => undefined);
    const companiesFile = path.join(spoolDir, 'companies.ndjson');
    const rejectedFile = path.join(spoolDir, 'rejected.ndjson');
    const companiesOut = createWriteStream(companiesFile, { mode: 0o600 });
    const rejectedOut = createWriteStream(rejectedFile, { mode: 0o600 });
    const store = new AggregateStore(layout);
    const registry = new PlantRegistry();
    const reportNames = new UniqueNames();
    let rejectedCount = 0;
    const progress = createProgress(units.length, lang === 'zh' ? '评分' : 'scoring');
    const anonFile = (shown: string) => (anonymize ? pseudonym('file', shown, lang, anonKey) : shown);
    const fileNames = new Map<string, string>();
    const scrubFiles = (s: string) => (anonymize ? scrubText(s, fileNames) : s);

    const spoolLine = (stream: WriteStream, line: string) =>
      new Promise<void>((resolve) => (stream.write(line + '\n') ? resolve() : stream.once('drain', () => resolve())));
    const spool = (stream: WriteStream, obj: unknown) => spoolLine(stream, JSON.stringify(obj));

    const consume = async (index: number, part: UnitPart) => {
      const unit = units[index]!;
      if (anonymize && (part.rejected.length || part.notes.length)) fileNames.set(shownOf(unit), anonFile(shownOf(unit)));
      for (const n of part.notes) term.say(term.err.yellow(scrubFiles(n)));
      const lines: string[] = [];
      for (const c of part.companies) lines.push(await addCompany(c));
      // one write per part: a write call costs more than a line
      if (lines.length) await spoolLine(companiesOut, lines.join('\n'));
      for (const r of part.rejected) {
        rejectedCount++;
        await spool(rejectedOut, r);
      }
      progress.update({ companies: part.companies.length, rejected: part.rejected.length });
    };
    const addCompany = async (c: Scored): Promise<string> => {
      const seq = store.push(c.agg);
      registry.add(seq, c.key, c.date);
      let line = c.json;
      if (c.report && reportsDir) {
        const base = safeFileName(c.report.base);
        const name = reportNames.take(base, c.report.ext);
        const target = path.join(reportsDir, name);
        if (path.relative(path.resolve(reportsDir), path.resolve(target)).startsWith('..')) throw new Error(`unsafe report name ${name}`);
        await writeFileAtomic(target, c.report.content, { force });
        line = `${line.slice(0, -1)},"report":${JSON.stringify(name)}}`;
      }
      return line;
    };

    const pool = new WorkerPool(units, jobs, options, {
      consume,
      done: () => progress.update({ inputs: 1 }),
      note: (text) => term.say(term.err.yellow(text)),
      crashed: async (index, detail) => {
        const shown = shownOf(units[index]!);
        const r: Rejected = { file: shown, line: 1, column: 1, message: formatMessage('batch.worker-crashed', { detail }, lang), problems: [] };
        r.problems.push({ file: shown, line: 1, column: 1, severity: 'error', code: 'batch.worker-crashed', message: r.message });
        rejectedCount++;
        await spool(rejectedOut, r);
      },
    });
    const running = pool.run();
    const rulesReady = new Promise<void>((resolve) => setTimeout(() => void rulesLoading().then(() => resolve()), 200));
    await running;
    await rulesReady;
    progress.stop();
    await Promise.all([companiesOut, rejectedOut].map((s) => new Promise<void>((resolve) => s.end(() => resolve()))));

    // Final pass.
    const superseded = registry.superseded;
    const dupOf = new Map<number, string>();
    for (const [key, seqs] of registry.duplicates) for (const s of seqs) dupOf.set(s, key);
    const dupMembers = new Map<string, { plant: string; members: { file: string; row?: number; date?: string; superseded: boolean }[] }>();
    const anonRecord = (r: CompanyRecord): CompanyRecord =>
      anonymize
        ? {
            ...r,
            file: anonFile(r.file),
            company: pseudonym('company', r.company, lang, anonKey),
            ...(r.site ? { site: pseudonym('site', r.site, lang, anonKey) } : {}),
            ...(r.creditCode ? { creditCode: pseudonym('code', r.creditCode, lang, anonKey) } : {}),
          }
        : r;
    const noteDuplicate = (seq: number, r: CompanyRecord) => {
      const key = dupOf.get(seq);
      if (key === undefined) return;
      const d = dupMembers.get(key) ?? { plant: [r.creditCode ?? '', r.company, r.site ?? ''].filter(Boolean).join(' / '), members: [] };
      d.members.push({ file: r.file, ...(r.row !== undefined ? { row: r.row } : {}), ...(r.date ? { date: r.date } : {}), superseded: Boolean(r.superseded) });
      dupMembers.set(key, d);
    };
    const pass: FinalPass = {
      async *companies() {
        let seq = 0;
        dupMembers.clear();
        for await (const raw of readSpool<CompanyRecord>(companiesFile)) {
          const r = anonRecord({ ...raw, superseded: superseded.has(seq) });
          noteDuplicate(seq, r);
          seq++;
          yield r;
        }
      },
      // JSON output without --anonymize: the spool lines are already in their final form; only superseded rows
      // are patched, and only duplicates are parsed.
      ...(anonymize
        ? {}
        : {
            async *companyLines() {
              let seq = 0;
              dupMembers.clear();
              const rl = createInterface({ input: createReadStream(companiesFile, 'utf8'), crlfDelay: Infinity });
              for await (let line of rl) {
                if (!line) continue;
                if (superseded.has(seq)) {
                  const at = line.lastIndexOf('"superseded":false');
                  line = `${line.slice(0, at)}"superseded":true${line.slice(at + '"superseded":false'.length)}`;
                }
                if (dupOf.has(seq)) noteDuplicate(seq, JSON.parse(line) as CompanyRecord);
                seq++;
                yield line;
              }
            },
          }),
      async *rejected() {
        for await (const r of readSpool<Rejected>(rejectedFile)) {
          if (!anonymize) yield r;
          else yield { ...r, file: anonFile(r.file), message: scrubFiles(r.message), problems: r.problems.map((p) => ({ ...p, file: scrubFiles(p.file), message: scrubFiles(p.message) })) };
        }
      },
      summary(): BatchSummary {
        const s = summarise(layout, store.entries((seq) => superseded.has(seq)), { ...(groupBy ? { groupBy } : {}), minGroupSize });
        return {
          ...s,
          scored: store.length,
          superseded: superseded.size,
          rejected: rejectedCount,
          targets: { id: targets.id, title: targets.title, source: targets.source },
          duplicates: [...dupMembers.values()].map((d) => ({ plant: d.plant, count: d.members.length, members: d.members })),
          ...(rules ? { parkRecommendations: parkRecommendations(s.groups) } : {}),
        };
      },
    };

    function parkRecommendations(groups: BatchSummary['groups']) {
      const shown = new Set((groups ?? []).filter((g) => !g.suppressed && g.key !== OTHER_GROUP).map((g) => g.key));
      const otherShown = (groups ?? []).some((g) => g.key === OTHER_GROUP && !g.suppressed);
      // Briefs read the store on demand (no copy of the figures): park rules may look at 100,000 companies.
      const index = new Map(layout.indicators.map((ind, i) => [ind.id, i]));
      const briefOf = (seq: number): CompanyBrief => ({
        level: store.levelAt(seq),
        get indicators() {
          return new Proxy({} as CompanyBrief['indicators'], { get: (_t, id) => (typeof id === 'string' && index.has(id) ? store.indicatorAt(seq, index.get(id)!) : undefined) });
        },
      });
      const members = new Map<string, CompanyBrief[]>([['all', []]]);
      for (let seq = 0; seq < store.length; seq++) {
        if (superseded.has(seq)) continue;
        const brief = briefOf(seq);
        members.get('all')!.push(brief);
        if (!groups) continue;
        const g = store.groupAt(seq) ?? NONE_GROUP;
        const key = shown.has(g) ? g : otherShown ? OTHER_GROUP : undefined;
        if (key === undefined) continue;
        if (!members.has(key)) members.set(key, []);
        members.get(key)!.push(brief);
      }
      return [...members].map(([group, list]) => ({
        group,
        recommendations: recommendForPark(list, rules!).map((r) => ({ id: r.id, title: r.title, programme: r.programme, projectType: r.projectType })),
      }));
    }

    const oOpts = { layout, lang, group: groupBy !== undefined && !isRespondentGroupField(groupBy), force };
    const written: string[] = [];
    if (format === 'json') {
      const { openAtomicStream } = await import('../../io/tables/atomic-stream.js');
      const a = await openAtomicStream(out!, { force });
      try {
        await writeJson(a.stream, pass);
        await a.commit();
      } catch (e) {
        await a.abort();
        throw e;
      }
      written.push(out!);
    } else if (format === 'csv') written.push(...(await writeCsv(out!, pass, oOpts)));
    else if (format === 'xlsx') {
      await writeXlsx(out!, pass, oOpts);
      written.push(out!);
    }
    if (opts.json) await writeJson(process.stdout, pass);
    else if (!format) {
      // Neither -o nor --json: walk the companies once (duplicates) and print the summary.
      for await (const _ of pass.companyLines?.() ?? pass.companies()) void _;
    }
    const summary = pass.summary();
    reportToTerminal(ctx, summary, pass, written, !opts.json && !format);
    for await (const r of pass.rejected()) term.say(term.err.red(`${r.file}${r.row !== undefined ? term.t({ zh: `（第 ${r.row} 行）`, en: ` (row ${r.row})` }) : ''}:${r.line}:${r.column} ${r.message}`));
    for (const d of summary.duplicates) {
      const where = d.members.map((m) => `${m.file}${m.row !== undefined ? `:${m.row}` : ''}${m.superseded ? '' : ' ✓'}`).join(', ');
      term.say(term.err.yellow(formatMessage('batch.duplicate-plant', { plant: d.plant, count: d.count, where }, lang)));
    }
    return rejectedCount > 0 ? EXIT.invalid : EXIT.ok;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw e;
  } finally {
    process.removeListener('exit', cleanup);
    process.removeListener('SIGINT', interrupted);
    await removeDir(spoolDir);
  }
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`);

function reportToTerminal(ctx: Context, s: BatchSummary, _pass: FinalPass, written: string[], toStdout: boolean) {
  const { term } = ctx;
  const lines: string[] = [];
  const zh = term.lang === 'zh';
  lines.push(
    zh
      ? `已评分 ${s.scored} 家（纳入汇总 ${s.companies} 家，被较新评估取代 ${s.superseded} 家），拒收 ${s.rejected} 项`
      : `scored ${s.scored} (${s.companies} plants in the summary, ${s.superseded} superseded), ${s.rejected} rejected`,
  );
  if (toStdout) {
    lines.push((zh ? '成熟度等级分布：' : 'maturity levels: ') + Object.entries(s.levels).map(([l, n]) => `L${l} ${n}`).join('  '));
    for (const i of s.indicators) {
      if (i.target === undefined) continue;
      const verdict = i.met === null || i.met === undefined ? '—' : i.met ? (zh ? '达标' : 'met') : zh ? '未达标' : 'not met';
      lines.push(`  ${i.title[term.lang]}: ${pct(i.value)} ${i.comparison} ${pct(i.target)} (${i.targetYear}, ${i.population?.[term.lang] ?? ''}) ${verdict}; ${zh ? '企业自身达标' : 'companies meeting it'} ${i.companiesMeetingTarget}/${i.companiesWithOwnValue}`);
    }
    term.stdout.write(lines.join('\n') + '\n');
  } else term.say(lines[0]!);
  for (const f of written) term.say(term.t({ zh: `已写入 ${displayPath(f)}`, en: `wrote ${displayPath(f)}` }));
}

export { mkdirSync };
