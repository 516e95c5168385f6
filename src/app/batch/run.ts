import { closeSync, openSync, promises as fs, readSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { AggregateStore, isRespondentGroupField, type ChunkSpill } from '../../core/batch/aggregate.js';
import { pseudonym, scrubText, singledOut } from '../../core/batch/anonymize.js';
import { safeFileName, UniqueNames } from '../../core/batch/filename.js';
import { CLOUD_INDICATOR, countPlanTargets, type AssessmentPair, type PlanTargetResult } from '../../core/batch/plan.js';
import type { PolicyDef } from '../../core/policy.js';
import { classGoalsOf } from '../../core/batch/class-retrofit.js';
import { companyJson, type CompanyRecord } from '../../core/batch/record.js';
import { SAMPLE_FILES, surveyYearFrom } from '../../core/batch/sample.js';
import { NONE_GROUP, OTHER_GROUP, summarise, withSampleCounts, type BatchSummary } from '../../core/batch/summary.js';
import { CONFLICT_WINDOW_DAYS, PlantRegistry } from '../../core/batch/supersede.js';
import { DEFAULT_MIN_GROUP_SIZE } from '../../core/batch/verdict.js';
import { InputError } from '../../core/diagnostics.js';
import { parkRecommendationsByGroup, type CompanyBrief } from '../../core/park-rules.js';
import type { RuleSet } from '../../core/rules-def.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { removeTempFolder, removeTempFolderSync } from '../../io/temp-files.js';
import { LineSpool, lineText, readSpool, spooledLines } from '../../io/line-spool.js';
import { DEFAULTS, type Definitions } from '../../io/definitions.js';
import { STDIN } from '../../io/expand-inputs.js';
import { displayPath } from '../../io/paths.js';
import { readBytes } from '../../io/read-input.js';
import { assertWritable, openAtomicStream } from '../../io/tables/atomic-stream.js';
import type { SurveyMap } from '../../io/tables/columns.js';
import { loadSurveyMap } from '../../io/tables/map-file.js';
import { formatMessage } from '../../messages/catalogue.js';
import { jsonLine } from '../../messages/safe-text.js';
import { unwritable, UsageError } from '../errors.js';
import { csvNames, writeCsv, writeJson, writeXlsx, type FinalPass } from './output.js';
import { groupWordsOf } from './columns.js';
import { batchOutputFormat, summaryLayout } from './layout.js';
import { anyReadable, nothingToRead, inside, listInputs, SampleFiles, unitsOf, type StdinCopy } from './inputs.js';
import { PlantRowNotes, settleRows } from './plant-rows.js';
import { MainThreadPool } from './main-thread.js';
import { WorkerPool, type PoolEvents } from './pool.js';
import { Processor } from './process.js';
import { abandonReportsFolder, clearIncompleteMarker, orderReportNames, prepareReportsFolder, supersededFolder, writeSupersededList } from './reports-folder.js';
import { FILES_PER_WORKER, REPORT_FILES_PER_WORKER } from './files-per-worker.js';
import { defaultJobs, tuneV8ForBatch } from './workers.js';
import { jsonLineBytes, type CellProblem, type ProcessOptions, type Rejected, type Scored, type UnitPart } from './parts.js';
import type { BatchEvents, BatchRequest, BlankedCells } from './request.js';

export type { BatchEvents, BatchOutcome, BatchRequest, BlankedCells } from './request.js';

/** How many blanked cells the stderr line names. */
const BLANKED_SHOWN = 3;

/** The summary's `sameCodeOtherSite`, present only when there is one. */
const sameCode = (list: BatchSummary['sameCodeOtherSite']) => (list ? { sameCodeOtherSite: list } : {});
/** The summary's `sameCodeOtherName`, present only when there is one. */
const otherName = (list: BatchSummary['sameCodeOtherName']) => (list ? { sameCodeOtherName: list } : {});

/** `zhizao batch`: score every input, write the per-company table, the summary and the rejected inputs. */
export async function runBatch(defs: Definitions, req: BatchRequest, events: BatchEvents): Promise<void> {
  tuneV8ForBatch({ reports: req.reports !== undefined });
  const { lang, anonymize, anonKey, force, groupBy } = req;
  const minGroupSize = req.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  // Groups below the minimum size are never broken out (one company's figures would be published); --min-group-size 1 shows every group.
  const mergeSmallGroups = true;
  const out = req.output;
  const format = out ? batchOutputFormat(out) : undefined;

  // Definitions first: a bad --questionnaire, --targets or --map stops here, before any input is read.
  const q = await defs.questionnaire(req.questionnaire);
  const profile = await defs.profile(req.profile);
  const targets = await defs.targets(req.targets);
  let policy: PolicyDef | undefined;
  try {
    policy = await defs.policy(req.policy);
  } catch (e) {
    // The bundled plan is optional data; a policy file named on the command line must be right.
    if (req.policy !== undefined || !(e instanceof InputError)) throw e;
  }
  if (groupBy !== undefined && !isRespondentGroupField(groupBy) && !q.byId.has(groupBy)) throw new UsageError('cli.group-by-unknown', { field: groupBy, questionnaire: q.def.id });
  let map: SurveyMap | undefined;
  if (req.map) map = await loadSurveyMap(req.map, q, (f) => defs.source(f));

  // Outputs: refuse to start a long batch that could not write its result.
  const outFiles = format === 'csv' ? Object.values(csvNames(out!, Boolean(req.includeAnswers))) : out ? [out] : [];
  for (const f of outFiles) {
    const dir = path.dirname(path.resolve(f));
    if (!(await fs.stat(dir).then((st) => st.isDirectory(), () => false))) throw new UsageError('cli.output-folder-missing', { output: f, folder: displayPath(dir) });
    await assertWritable(f, force);
  }

  // Inputs: never read an output of this run (the outputs, the reports folder) — such files are skipped with one warning.
  const excludedFiles = new Set([...outFiles, ...(req.map ? [req.map] : [])].map((f) => path.resolve(f)));
  const reportsDir = req.reports ? path.resolve(req.reports.dir) : undefined;
  const { inputs, ownOutputs } = await listInputs(req.inputs, excludedFiles, reportsDir);
  // Nothing at all to read (an empty folder, a glob that matches nothing…): a usage problem, not an empty result.
  if (!anyReadable(inputs)) throw nothingToRead(inputs, req.inputs);

  const reportsCreated = reportsDir ? await prepareReportsFolder(reportsDir, req.reports!.dir, force) : false;
  // `-`: one answer file from standard input, read here (the workers cannot read this process's stdin) once nothing
  // else can stop the batch, within the answer-file size limit like any answer file; a copy in the spool goes to a worker.
  const stdinRead = req.inputs.includes(STDIN) ? await readBytes(STDIN, displayPath(STDIN), req.limits) : undefined;

  // Park-level rules (retrofit level "park") for the summary groups; absent when the rules do not fit the questionnaire.
  // Compiled while the workers score (the main thread is mostly idle then), awaited before the summary.
  let rules: RuleSet | undefined;
  const loadRules = () => (q.def.id === DEFAULTS.questionnaire ? defs.rules(DEFAULTS.rules, q).then(
          (r) => {
            rules = r;
          },
          () => undefined,
        ) : Promise.resolve());

  const layout = summaryLayout(q, targets, { plan: policy !== undefined });
  const options: ProcessOptions = {
    lang,
    cmd: req.cmd ?? 'zhizao',
    limits: req.limits,
    tableLimits: req.tableLimits,
    ...(req.questionnaire ? { questionnaire: req.questionnaire } : {}),
    ...(req.targets ? { targets: req.targets } : {}),
    ...(req.profile ? { profile: req.profile } : {}),
    ...(map ? { map } : {}),
    ...(groupBy ? { groupBy } : {}),
    ...(req.reports ? { reports: req.reports.format } : {}),
    anonymize,
    anonKey,
    layout,
    onBadCell: req.onBadCell ?? 'reject',
    includeAnswers: Boolean(req.includeAnswers),
  };

  // Spool: rows go to disk in input order as they arrive; the final outputs are written from it in one pass
  // once superseded rows are known. Memory holds only the work in flight and a small aggregate per company.
  const spoolDir = await fs.mkdtemp(path.join(tmpdir(), 'zhizao-batch-'));
  let completed = false;
  // Every report written and in its place (superseded ones moved aside): the folder is kept whatever happens next
  // (a reader of --json that goes away, an interruption while the tables are written).
  let reportsComplete = false;
  // Set once the workers run: an interruption stops them before their reports folder is removed (a worker still
  // writing would otherwise keep the folder from being removed).
  let stopWorkers: (() => void) | undefined;
  let aggregatesFd: number | undefined;
  const spools: LineSpool[] = [];
  // The spool's files closed (an open file keeps Windows from removing the spool folder); never throws.
  const closeSpool = () => {
    const fd = aggregatesFd;
    aggregatesFd = undefined;
    if (fd !== undefined) quietly(() => closeSync(fd));
    for (const s of spools) quietly(() => s.abandon());
  };
  // Also the 'exit' handler of an interrupted run (Ctrl-C, a closed console window): it must never throw, and what the
  // user sees comes first — the reports folder removed or marked unfinished even when the spool cannot be removed
  // (a scanner holding one of its files); a spool left in the temp folder is harmless.
  const cleanup = () => {
    quietly(() => stopWorkers?.());
    closeSpool();
    // Interrupted while writing reports: a folder we started is removed, one that had files before is marked.
    if (reportsDir && !completed && !reportsComplete) quietly(() => abandonReportsFolder(reportsDir, reportsCreated, lang, events.note));
    removeTempFolderSync(spoolDir);
  };
  process.once('exit', cleanup);
  try {
    await fs.chmod(spoolDir, 0o700).catch(() => undefined);
    let stdin: StdinCopy | undefined;
    if (stdinRead?.ok) {
      const copy = path.join(spoolDir, 'stdin.yaml');
      await fs.writeFile(copy, stdinRead.bytes, { mode: 0o600, flag: 'wx' });
      stdin = { path: copy };
    } else if (stdinRead) stdin = { code: stdinRead.diagnostics[0]!.code, args: stdinRead.diagnostics[0]!.args };
    const units = unitsOf(inputs, stdin);
    events.progress({ total: units.length });
    const companiesFile = path.join(spoolDir, 'companies.ndjson');
    const rejectedFile = path.join(spoolDir, 'rejected.ndjson');
    const problemsFile = path.join(spoolDir, 'problems.ndjson');
    const companiesOut = new LineSpool(companiesFile);
    const rejectedOut = new LineSpool(rejectedFile);
    const problemsOut = new LineSpool(problemsFile);
    spools.push(companiesOut, rejectedOut, problemsOut);
    // Full chunks of the per-company aggregates go to a file in the spool (memory stays flat with the companies).
    aggregatesFd = openSync(path.join(spoolDir, 'aggregates.bin'), 'w+', 0o600);
    const fd = aggregatesFd;
    const spill: ChunkSpill = {
      save: (index, chunk) => {
        const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, index * bytes.length + done);
      },
      load: (index, into) => {
        const bytes = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
        for (let done = 0; done < bytes.length; ) {
          const n = readSync(fd, bytes, done, bytes.length - done, index * bytes.length + done);
          if (n === 0) throw new Error('aggregate spool truncated');
          done += n;
        }
      },
    };
    const store = new AggregateStore(layout, spill);
    const registry = new PlantRegistry();
    const reportNames = new UniqueNames();
    let rejectedCount = 0;
    let problemsCount = 0;
    // --on-bad-cell blank: the cells left unanswered, the rows they are in, the first few
    const blanked: BlankedCells = { cells: 0, companies: 0, first: [] };
    const blankedRows = new Set<string>();
    // (a sheet's rows, FILE[SHEET]: the file's pseudonym with the sheet's, already a pseudonym, as messages name them)
    const anonFile = (shown: string) => {
      if (!anonymize) return shown;
      const sheet = /^(.*)(\[[^[\]]*\])$/.exec(shown);
      return sheet ? `${pseudonym('file', sheet[1]!, lang, anonKey)}${sheet[2]}` : pseudonym('file', shown, lang, anonKey);
    };
    const fileNames = new Map<string, string>();
    // for the sample statement: the inputs companies came from, and the questions any company answered
    const sampleFiles = new SampleFiles();
    const covered = new Set<string>();
    const scrubFiles = (s: string) => (anonymize ? scrubText(s, fileNames) : s);

    // spooled as a JSON output holds them (safe to show), so that one copies the lines as they are
    const spoolRejected = (r: Rejected) => rejectedOut.line(jsonLine(r));

    // rows from files that cover only some sections (department interviews): few, kept by number
    const partial = new Set<number>();
    /** With --anonymize: each company's kept respondent fields, to warn of the rows they still single out. */
    const quasi = new Map<number, string>();
    const addCompany = async (c: Scored): Promise<void> => {
      const seq = store.pushPacked(c.agg);
      if (c.quasi !== undefined) quasi.set(seq, c.quasi);
      registry.add(seq, c.keys, c.date);
      if (c.partial) partial.add(seq);
      if (c.report && reportsDir) {
        const name = reportNames.take(safeFileName(c.report.base), c.report.ext);
        const target = path.join(reportsDir, name);
        if (!inside(path.resolve(target), reportsDir)) throw new Error(`unsafe report name ${name}`);
        await writeFileAtomic(target, c.report.content, { force });
        // the record's line with the report's name as its last field
        companiesOut.line(`${lineText(c.line).slice(0, -1)},"report":${jsonLine(name)}}`);
      } else companiesOut.bytes(c.line);
    };
    // sheets of workbooks not read (no header, or hidden): the sample statement says how many, naming the first
    const sheetsNotRead = { count: 0, sheets: [] as string[] };
    const consume = async (index: number, part: UnitPart) => {
      // the displayed path only when something names the input (most parts: companies past the first ten files)
      const shown = () => inputs.shownAt(index);
      if (part.ownOutput) ownOutputs.push(shown());
      if (anonymize && (part.rejected.length || part.notes.length || part.problems?.count)) fileNames.set(shown(), anonFile(shown()));
      for (const n of part.notes) events.note(scrubFiles(n));
      for (const sheet of part.sheetsNotRead ?? []) {
        sheetsNotRead.count++;
        if (sheetsNotRead.sheets.length < SAMPLE_FILES) sheetsNotRead.sheets.push(scrubFiles(sheet));
      }
      if (part.companies.length) sampleFiles.add(index, () => anonFile(shown()));
      for (const id of part.covered ?? []) covered.add(id);
      for (const c of part.companies) await addCompany(c);
      for (const r of part.rejected) {
        rejectedCount++;
        spoolRejected(r);
      }
      if (part.problems) {
        problemsCount += part.problems.count;
        problemsOut.lines(part.problems.bytes);
        for (const { row, ...cell } of part.blanked ?? []) {
          blanked.cells++;
          blankedRows.add(`${index}:${row}`);
          if (blanked.first.length < BLANKED_SHOWN) blanked.first.push(cell);
        }
      }
      // Answer files: counted with their input (done), so the counter never shows a company before its input;
      // tables: as their rows stream in.
      if (inputs.kindAt(index) === 'csv' || inputs.kindAt(index) === 'xlsx') events.progress({ companies: part.companies.length, rejected: part.rejected.length });
      else {
        pendingProgress.companies += part.companies.length;
        pendingProgress.rejected += part.rejected.length;
      }
    };
    const pendingProgress = { companies: 0, rejected: 0 };

    const poolEvents: PoolEvents = {
      consume,
      done: () => {
        events.progress({ inputs: 1, ...pendingProgress });
        pendingProgress.companies = 0;
        pendingProgress.rejected = 0;
      },
      note: (text) => events.note(text),
      crashed: async (index, detail, how) => {
        const shown = inputs.shownAt(index);
        const code = how === 'died' ? 'batch.worker-crashed' : 'batch.input-failed';
        const message = formatMessage(code, { detail }, lang);
        rejectedCount++;
        pendingProgress.rejected++;
        spoolRejected({ file: shown, line: 1, column: 1, message, problems: [{ file: shown, line: 1, column: 1, severity: 'error', code, message }] } satisfies Rejected);
      },
    };
    const jobs = req.jobs ?? defaultJobs(inputs.kinds(), availableParallelism(), req.reports ? REPORT_FILES_PER_WORKER : FILES_PER_WORKER);
    // a small batch on this thread, with the definitions already loaded here (defaultJobs)
    const pool = jobs === 0 ? new MainThreadPool(units, new Processor(options, defs), poolEvents) : new WorkerPool(units, jobs, options, poolEvents, req.workerUrl);
    stopWorkers = () => pool.stop();
    const running = pool.run();
    // The park rules are compiled once the workers have started (not to slow their start), or as soon as they are
    // done when that is sooner (a small batch: waiting out the delay made a one-file batch 200 ms slower).
    let rulesLoading: Promise<void> | undefined;
    const loadRulesOnce = () => (rulesLoading ??= loadRules());
    const rulesTimer = setTimeout(loadRulesOnce, 200);
    try {
      await running;
    } finally {
      clearTimeout(rulesTimer);
    }
    await loadRulesOnce();
    blanked.companies = blankedRows.size;
    for (const s of spools) s.close();
    if (ownOutputs.length) {
      const shown = ownOutputs.map((f) => anonFile(f));
      events.note(formatMessage('batch.own-output-skipped', { count: shown.length, files: shown.slice(0, 5).join(', ') + (shown.length > 5 ? ', …' : '') }, lang));
    }

    // Final pass.
    const superseded = registry.superseded;
    const { relation, baselines, unmergedParts } = settleRows(registry, (seq) => store.get(seq).date ?? 0, partial, (seq) => store.get(seq).assessed === false);
    if (quasi.size) {
      const current = [...quasi].filter(([seq]) => !superseded.has(seq));
      const unique = singledOut(current.map(([, k]) => k));
      if (unique) events.note(formatMessage('batch.anonymize-singled-out', { count: unique, companies: current.length }, lang));
    }
    const notes = new PlantRowNotes(registry, relation);
    const dupOf = notes.dupOf;
    const ordered = reportsDir && dupOf.size ? await orderReportNames(companiesFile, dupOf, superseded, reportsDir, lang) : undefined;
    const renamed = ordered?.renamed ?? new Map<number, string>();
    const supersededList = reportsDir && ordered ? await writeSupersededList(reportsDir, ordered.supersededReports, lang, force) : undefined;
    if (supersededList) events.note(formatMessage('batch.reports-superseded-note', { count: ordered!.supersededReports.length, folder: displayPath(path.join(reportsDir!, supersededFolder(lang))), file: displayPath(supersededList) }, lang));
    // Every report is written: a marker an earlier interrupted run left in the folder (--force) no longer holds.
    if (reportsDir && !reportsCreated) for (const marker of await clearIncompleteMarker(reportsDir)) events.note(formatMessage('batch.reports-marker-removed', { folder: displayPath(reportsDir), marker }, lang));
    reportsComplete = true;
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
    const indicatorIndex = new Map(layout.indicators.map((ind, i) => [ind.id, i]));
    const briefOf = (seq: number): CompanyBrief => ({
      level: store.levelAt(seq),
      // Briefs read the store on demand (no copy of the figures): park rules may look at 100,000 companies.
      get indicators() {
        return new Proxy({} as CompanyBrief['indicators'], { get: (_t, id) => (typeof id === 'string' && indicatorIndex.has(id) ? store.indicatorAt(seq, indicatorIndex.get(id)!) : undefined) });
      },
    });
    // Progress pairs: the earliest assessment that is not a resubmission, and the current one.
    const pairs = function* (): Generator<AssessmentPair> {
      for (const [base, follow] of baselines) yield { base: store.get(base), follow: store.get(follow) };
    };
    const patch = (seq: number, r: CompanyRecord): CompanyRecord => {
      const name = renamed.get(seq);
      const rel = superseded.has(seq) ? relation.get(seq) : undefined;
      const as = rel === 'resubmission' || rel === 'part' || rel === 'self-report' ? ({ supersededAs: rel } as const) : superseded.has(seq) ? ({ supersededAs: 'newer' } as const) : {};
      return { ...r, ...as, ...(name === undefined ? {} : { report: name }) };
    };
    let summaryCache: BatchSummary | undefined;
    const pass: FinalPass = {
      async *companies() {
        let seq = 0;
        notes.startPass();
        for await (const raw of readSpool<CompanyRecord>(companiesFile)) {
          const r = anonRecord(patch(seq, { ...raw, superseded: superseded.has(seq) }));
          notes.note(seq, r);
          seq++;
          yield r;
        }
      },
      // JSON output without --anonymize: the spool lines are already in their final form (safe to show, as UTF-8)
      // and are copied as they are; only superseded rows are patched, and only rows the notes read are parsed.
      ...(anonymize
        ? {}
        : {
            async *companyLines() {
              let next = 0;
              notes.startPass();
              for await (const line of spooledLines(companiesFile)) {
                const seq = next++;
                if (!notes.wants(seq)) {
                  yield line;
                  continue;
                }
                const r = patch(seq, { ...(JSON.parse(lineText(line)) as CompanyRecord), superseded: superseded.has(seq) });
                notes.note(seq, r);
                yield superseded.has(seq) || renamed.has(seq) ? jsonLineBytes(companyJson(r)) : line;
              }
            },
            rejectedLines: () => spooledLines(rejectedFile),
            problemLines: () => spooledLines(problemsFile),
          }),
      async *rejected() {
        for await (const r of readSpool<Rejected>(rejectedFile)) {
          if (!anonymize) yield r;
          else yield { ...r, file: anonFile(r.file), message: scrubFiles(r.message), problems: r.problems.map((p) => ({ ...p, file: scrubFiles(p.file), message: scrubFiles(p.message) })) };
        }
      },
      async *problems() {
        for await (const p of readSpool<CellProblem>(problemsFile)) yield anonymize ? { ...p, file: anonFile(p.file), message: scrubFiles(p.message) } : p;
      },
      summary(): BatchSummary {
        if (summaryCache) return summaryCache;
        const s = summarise(layout, store.entries((seq) => superseded.has(seq)), {
          ...(groupBy ? { groupBy } : {}),
          minGroupSize,
          merge: mergeSmallGroups,
          defaultGroups: true,
          input: { files: sampleFiles.first, fileCount: sampleFiles.count, questions: { covered: [...covered].filter((id) => q.byId.has(id)).length, total: q.questions.length }, scoring: { profile: profile.def.id, title: profile.def.title, verified: profile.def.verified } },
          classGoals: classGoalsOf(policy),
        });
        const surveyYear = surveyYearFrom(s.sample);
        const groupField = s.groupByDefault ? (s.groupBy as 'district' | 'region') : 'group';
        const briefs = { length: store.length, brief: briefOf, group: (seq: number) => store.stringAt(seq, groupField), counted: (seq: number) => !superseded.has(seq) };
        const plan: PlanTargetResult[] | undefined = policy
          ? countPlanTargets(policy.countTargets, policy.programmes, { layout, current: store.entries((seq) => superseded.has(seq)), pairs: pairs(), byClass: s.byClass, kpis: targets.kpis ?? [], minGroupSize, cloudSplits: s.indicators.find((i) => i.id === CLOUD_INDICATOR)?.splits ?? [], ...(surveyYear !== undefined ? { surveyYear } : {}) })
          : undefined;
        // the sample statement's counts are of the whole run (rows scored, superseded, rejected): known here, once
        // with --on-bad-cell blank, how many cells were left unanswered, in how many companies (listed in `problems`)
        const blankedCount = req.onBadCell === 'blank' ? { blanked: { cells: blanked.cells, companies: blanked.companies } } : {};
        summaryCache = withSampleCounts({
          ...s,
          scored: store.length,
          superseded: superseded.size - unmergedParts,
          ...(unmergedParts ? { unmergedParts } : {}),
          rejected: rejectedCount,
          problems: problemsCount,
          ...blankedCount,
          conflictWindowDays: CONFLICT_WINDOW_DAYS,
          targets: { id: targets.id, title: targets.title, source: targets.source },
          duplicates: notes.duplicates(),
          ...(sheetsNotRead.count ? { sheetsNotRead } : {}),
          ...sameCode(notes.sameCodeOtherSite()),
          ...otherName(notes.sameCodeOtherName()),
          // park-level measures are organised by a park: per group only when the groups are parks (a district or a
          // sector is not one); for all companies always
          ...(rules ? { parkRecommendations: parkRecommendationsByGroup(briefs, s.groupBy === 'park' ? s.groups : undefined, rules, { other: OTHER_GROUP, none: NONE_GROUP }) } : {}),
          ...(plan && policy ? { plan: { id: policy.id, title: policy.title, document: policy.document, period: policy.period, targets: plan } } : {}),
        });
        return summaryCache;
      },
    };

    // a grouping by a question, in words: its text and its options' labels (the outputs and the terminal)
    const groupWords = groupWordsOf(q, groupBy);
    const oOpts = { layout, lang, group: groupBy !== undefined && !isRespondentGroupField(groupBy), force, q, includeAnswers: Boolean(req.includeAnswers), subdomains: profile.model.subdomains.map((sd) => ({ id: sd.id, name: sd.name })), tiers: profile.def.tiers.map((t) => ({ id: t.id, name: t.name })), ...(groupWords ? { groupWords } : {}) };
    const written: string[] = [];
    // (a file-system error said in terms of the output, never of its temp file: a full disk, an output open in Excel…)
    try {
      if (format === 'json') {
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
    } catch (e) {
      throw unwritable(e, out!);
    }
    if (req.json) {
      summaryCache = undefined;
      await writeJson(events.stdout, pass);
    } else if (!format) {
      // Neither -o nor --json: walk the companies once (duplicates) before the summary is printed.
      for await (const _ of pass.companyLines?.() ?? pass.companies()) void _;
    }
    completed = true;
    const blankedOutcome = req.onBadCell === 'blank' ? { blanked: { ...blanked, first: blanked.first.map((c) => ({ ...c, file: anonFile(c.file) })) } } : {};
    await events.finished({ summary: pass.summary(), written, rejectedCount, rejected: () => pass.rejected(), ...blankedOutcome, ...(groupWords ? { groupWords } : {}) });
  } finally {
    closeSpool();
    process.removeListener('exit', cleanup);
    if (!completed) cleanup();
    // Every output is written: a spool folder that cannot be removed (a scanner holding a file just closed) is
    // housekeeping, said in one line, never a failure of the run.
    else if (!(await removeTempFolder(spoolDir))) events.note(formatMessage('batch.spool-left', { folder: spoolDir }, lang));
  }
}

/** Run `f`, ignoring what it throws (exit-time housekeeping, when nothing more can be done). */
function quietly(f: () => void): void {
  try {
    f();
  } catch {
    /* nothing more can be done */
  }
}
