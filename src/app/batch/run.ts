import { createReadStream, createWriteStream, promises as fs, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AggregateStore, isRespondentGroupField, type SummaryLayout } from '../../core/batch/aggregate.js';
import { pseudonym, scrubText } from '../../core/batch/anonymize.js';
import { safeFileName, UniqueNames } from '../../core/batch/filename.js';
import type { CompanyRecord } from '../../core/batch/record.js';
import { NONE_GROUP, OTHER_GROUP, summarise, type BatchSummary } from '../../core/batch/summary.js';
import { PlantRegistry } from '../../core/batch/supersede.js';
import { parkRecommendationsByGroup, type CompanyBrief } from '../../core/park-rules.js';
import type { RuleSet } from '../../core/rules-def.js';
import type { Limits } from '../../core/source.js';
import type { Lang } from '../../core/types.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { DEFAULTS, type Definitions } from '../../io/definitions.js';
import { expandInputs, type InputItem } from '../../io/expand-inputs.js';
import { displayPath } from '../../io/paths.js';
import { assertWritable, openAtomicStream } from '../../io/tables/atomic-stream.js';
import type { SurveyMap } from '../../io/tables/columns.js';
import type { TableLimits } from '../../io/tables/limits.js';
import { loadSurveyMap } from '../../io/tables/map-file.js';
import { formatMessage, type MessageCode } from '../../messages/catalogue.js';
import { UsageError } from '../errors.js';
import { csvNames, readSpool, writeCsv, writeJson, writeXlsx, type FinalPass, type OutputFormat } from './output.js';
import { WorkerPool, type UnitRef } from './pool.js';
import type { ProcessOptions, Rejected, Scored, Unit, UnitPart } from './process.js';

export interface BatchRequest {
  inputs: string[];
  /** OUT.xlsx, OUT.csv or OUT.json. */
  output?: string | undefined;
  /** Stream the whole result as JSON to `stdout`. */
  json: boolean;
  map?: string | undefined;
  /** A folder for one report per company, and their format. */
  reports?: { dir: string; format: 'md' | 'html' | 'docx' } | undefined;
  questionnaire?: string | undefined;
  targets?: string | undefined;
  profile?: string | undefined;
  groupBy?: string | undefined;
  anonymize: boolean;
  anonKey: string;
  minGroupSize: number;
  jobs: number;
  force: boolean;
  lang: Lang;
  limits: Limits;
  tableLimits: TableLimits;
  /** The worker script (tests substitute one that fails on purpose). */
  workerUrl?: URL | undefined;
}

export interface BatchOutcome {
  summary: BatchSummary;
  /** Output files written. */
  written: string[];
  rejectedCount: number;
  /** The rejected inputs, read back from the spool (available until `finished` returns). */
  rejected(): AsyncIterable<Rejected>;
}

export interface BatchEvents {
  /** A message about an input or the batch as a whole. */
  note(text: string): void;
  progress(update: { total?: number; inputs?: number; companies?: number; rejected?: number }): void;
  /** Where --json goes. */
  stdout: NodeJS.WritableStream;
  /** Called once the outputs are written, before the temporary spool is removed. */
  finished(outcome: BatchOutcome): Promise<void>;
}

const REJECT_CODES: Partial<Record<InputItem['kind'], MessageCode>> = {
  missing: 'input.not-found',
  'no-match': 'input.no-match',
  'empty-folder': 'input.empty-folder',
  'binary-spreadsheet': 'input.binary-spreadsheet',
  unsupported: 'input.unsupported',
};

export function batchOutputFormat(file: string): OutputFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new UsageError('cli.batch-output-extension', { output: file });
}

/** `zhizao batch`: score every input, write the per-company table, the summary and the rejected inputs. */
export async function runBatch(defs: Definitions, req: BatchRequest, events: BatchEvents): Promise<void> {
  const { lang, anonymize, anonKey, force, groupBy } = req;
  const out = req.output;
  const format = out ? batchOutputFormat(out) : undefined;

  // Definitions first: a bad --questionnaire, --targets or --map stops here, before any input is read.
  const q = await defs.questionnaire(req.questionnaire);
  await defs.profile(req.profile);
  const targets = await defs.targets(req.targets);
  if (groupBy !== undefined && !isRespondentGroupField(groupBy) && !q.byId.has(groupBy)) throw new UsageError('cli.group-by-unknown', { field: groupBy, questionnaire: q.def.id });
  let map: SurveyMap | undefined;
  if (req.map) map = await loadSurveyMap(req.map, q, (f) => defs.source(f));

  // Outputs: refuse to start a long batch that could not write its result.
  const outFiles = format === 'csv' ? Object.values(csvNames(out!)) : out ? [out] : [];
  for (const f of outFiles) {
    const dir = path.dirname(path.resolve(f));
    if (!(await fs.stat(dir).then((st) => st.isDirectory(), () => false))) throw new UsageError('cli.output-folder-missing', { output: f, folder: displayPath(dir) });
    await assertWritable(f, force);
  }
  const reportsDir = req.reports?.dir;
  if (reportsDir) {
    const existing = await fs.readdir(reportsDir).catch(() => [] as string[]);
    if (existing.length && !force) throw new UsageError('cli.reports-folder-not-empty', { folder: reportsDir });
    await fs.mkdir(reportsDir, { recursive: true });
  }

  // Park-level rules (retrofit level "park") for the summary groups; absent when the rules do not fit the questionnaire.
  // Compiled while the workers score (the main thread is mostly idle then), awaited before the summary.
  let rules: RuleSet | undefined;
  const loadRules = () => (q.def.id === DEFAULTS.questionnaire ? defs.rules(DEFAULTS.rules, q).then(
          (r) => {
            rules = r;
          },
          () => undefined,
        ) : Promise.resolve());

  const exclude = new Set([...outFiles, ...(req.map ? [req.map] : [])].map((f) => path.resolve(f)));
  const items = await expandInputs(req.inputs, exclude);
  const units: UnitRef[] = items.map((it, index): UnitRef => {
    const code = REJECT_CODES[it.kind];
    if (!code) return { index, path: it.path, kind: it.kind as Unit['kind'] };
    const args: Record<string, string> = it.kind === 'binary-spreadsheet' || it.kind === 'unsupported' ? { ext: path.extname(it.path).toLowerCase() || '(none)' } : {};
    // kept as given: a glob that matched nothing is not a path
    return { index, path: it.path, shown: it.shown, kind: 'reject', code, args };
  });
  items.length = 0;
  events.progress({ total: units.length });
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
  };

  // Spool: rows go to disk in input order as they arrive; the final outputs are written from it in one pass
  // once superseded rows are known. Memory holds only the work in flight and a small aggregate per company.
  const spoolDir = await fs.mkdtemp(path.join(tmpdir(), 'zhizao-batch-'));
  const cleanup = () => rmSync(spoolDir, { recursive: true, force: true });
  process.once('exit', cleanup);
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
    const anonFile = (shown: string) => (anonymize ? pseudonym('file', shown, lang, anonKey) : shown);
    const fileNames = new Map<string, string>();
    const scrubFiles = (s: string) => (anonymize ? scrubText(s, fileNames) : s);

    const spoolLine = (stream: WriteStream, line: string) => new Promise<void>((resolve) => (stream.write(line + '\n') ? resolve() : stream.once('drain', () => resolve())));
    const spool = (stream: WriteStream, obj: unknown) => spoolLine(stream, JSON.stringify(obj));

    const addCompany = async (c: Scored): Promise<string> => {
      const seq = store.push(c.agg);
      registry.add(seq, c.key, c.date);
      let line = c.json;
      if (c.report && reportsDir) {
        const name = reportNames.take(safeFileName(c.report.base), c.report.ext);
        const target = path.join(reportsDir, name);
        if (path.relative(path.resolve(reportsDir), path.resolve(target)).startsWith('..')) throw new Error(`unsafe report name ${name}`);
        await writeFileAtomic(target, c.report.content, { force });
        line = `${line.slice(0, -1)},"report":${JSON.stringify(name)}}`;
      }
      return line;
    };
    const consume = async (index: number, part: UnitPart) => {
      const unit = units[index]!;
      if (anonymize && (part.rejected.length || part.notes.length)) fileNames.set(shownOf(unit), anonFile(shownOf(unit)));
      for (const n of part.notes) events.note(scrubFiles(n));
      const lines: string[] = [];
      for (const c of part.companies) lines.push(await addCompany(c));
      // one write per part: a write call costs more than a line
      if (lines.length) await spoolLine(companiesOut, lines.join('\n'));
      for (const r of part.rejected) {
        rejectedCount++;
        await spool(rejectedOut, r);
      }
      events.progress({ companies: part.companies.length, rejected: part.rejected.length });
    };

    const pool = new WorkerPool(
      units,
      req.jobs,
      options,
      {
        consume,
        done: () => events.progress({ inputs: 1 }),
        note: (text) => events.note(text),
        crashed: async (index, detail) => {
          const shown = shownOf(units[index]!);
          const message = formatMessage('batch.worker-crashed', { detail }, lang);
          rejectedCount++;
          await spool(rejectedOut, { file: shown, line: 1, column: 1, message, problems: [{ file: shown, line: 1, column: 1, severity: 'error', code: 'batch.worker-crashed', message }] } satisfies Rejected);
        },
      },
      req.workerUrl,
    );
    const running = pool.run();
    const rulesReady = new Promise<void>((resolve) => {
      setTimeout(() => {
        loadRules().then(resolve, resolve);
      }, 200);
    });
    await running;
    await rulesReady;
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
    const indicatorIndex = new Map(layout.indicators.map((ind, i) => [ind.id, i]));
    const briefOf = (seq: number): CompanyBrief => ({
      level: store.levelAt(seq),
      // Briefs read the store on demand (no copy of the figures): park rules may look at 100,000 companies.
      get indicators() {
        return new Proxy({} as CompanyBrief['indicators'], { get: (_t, id) => (typeof id === 'string' && indicatorIndex.has(id) ? store.indicatorAt(seq, indicatorIndex.get(id)!) : undefined) });
      },
    });
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
        const s = summarise(layout, store.entries((seq) => superseded.has(seq)), { ...(groupBy ? { groupBy } : {}), minGroupSize: req.minGroupSize });
        const briefs = { length: store.length, brief: briefOf, group: (seq: number) => store.groupAt(seq), counted: (seq: number) => !superseded.has(seq) };
        return {
          ...s,
          scored: store.length,
          superseded: superseded.size,
          rejected: rejectedCount,
          targets: { id: targets.id, title: targets.title, source: targets.source },
          duplicates: [...dupMembers.values()].map((d) => ({ plant: d.plant, count: d.members.length, members: d.members })),
          ...(rules ? { parkRecommendations: parkRecommendationsByGroup(briefs, s.groups, rules, { other: OTHER_GROUP, none: NONE_GROUP }) } : {}),
        };
      },
    };

    const oOpts = { layout, lang, group: groupBy !== undefined && !isRespondentGroupField(groupBy), force };
    const written: string[] = [];
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
    if (req.json) await writeJson(events.stdout, pass);
    else if (!format) {
      // Neither -o nor --json: walk the companies once (duplicates) before the summary is printed.
      for await (const _ of pass.companyLines?.() ?? pass.companies()) void _;
    }
    await events.finished({ summary: pass.summary(), written, rejectedCount, rejected: () => pass.rejected() });
  } finally {
    process.removeListener('exit', cleanup);
    await fs.rm(spoolDir, { recursive: true, force: true });
  }
}
