/** The per-company reports folder of a batch: made ready, abandoned on interruption, its duplicate names put in order. */
import { existsSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CompanyRecord } from '../../core/batch/record.js';
import type { Lang } from '../../core/types.js';
import { renameSyncWithRetry, writeFileAtomic } from '../../io/atomic-write.js';
import { displayPath } from '../../io/paths.js';
import { formatMessage } from '../../messages/catalogue.js';
import { UsageError } from '../errors.js';
import { readSpool } from '../../io/line-spool.js';

/**
 * Make the reports folder ready: refuse one with files unless `force`. True when this run created it (or found it
 * empty), so that an interrupted run may remove it again.
 */
export async function prepareReportsFolder(dir: string, shown: string, force: boolean): Promise<boolean> {
  const existed = await fs.stat(dir).then(() => true, () => false);
  const existing = await fs.readdir(dir).catch(() => [] as string[]);
  if (existing.length && !force) throw new UsageError('cli.reports-folder-not-empty', { folder: shown });
  await fs.mkdir(dir, { recursive: true });
  return !existed || existing.length === 0;
}

/** The file that marks a reports folder unfinished (written by an interrupted run, in its language). */
const markerName = (lang: Lang): string => (lang === 'zh' ? '_未完成-INCOMPLETE.txt' : '_INCOMPLETE.txt');

/**
 * A run that wrote every report: the marker an earlier interrupted run left (in either language) would say the folder
 * is incomplete, so it goes — only that file. Called once the run is complete; were it interrupted even then, the
 * folder is marked again. Returns the names of the markers removed.
 */
export async function clearIncompleteMarker(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of [markerName('zh'), markerName('en')]) {
    const file = path.join(dir, name);
    // a file only (never a folder of that name), and no error when there is none
    const st = await fs.lstat(file).catch(() => undefined);
    if (!st?.isFile()) continue;
    await fs.unlink(file).then(() => removed.push(name), (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  return removed;
}

/**
 * Interrupted while writing reports (synchronous: it runs as the process exits): a folder this run created is
 * removed, one that had files before is marked unfinished.
 */
export function abandonReportsFolder(dir: string, created: boolean, lang: Lang, note: (text: string) => void): void {
  const mark = () => {
    const marker = path.join(dir, markerName(lang));
    writeFileSync(marker, formatMessage('batch.reports-marker', {}, lang));
    note(formatMessage('batch.reports-incomplete', { folder: displayPath(dir), marker: path.basename(marker) }, lang));
  };
  try {
    if (created) {
      // A report write still in flight (on libuv's thread pool) may create its temp file while the folder is being
      // removed; rmSync retries only the last step, so the whole removal is tried again, a few times, after a short
      // wait (each write in flight can take one step at most: the event loop that would take the next one is over).
      let removed = false;
      for (let attempt = 0; attempt < 10 && !removed; attempt++) {
        try {
          rmSync(dir, { recursive: true, force: true, maxRetries: 2, retryDelay: 10 });
          removed = true;
        } catch {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
        }
      }
      if (removed) note(formatMessage('batch.reports-removed', { folder: displayPath(dir) }, lang));
      else mark();
    } else mark();
  } catch {
    // nothing more can be done while the process exits
  }
}

/** The sub-folder of the reports folder that superseded reports are moved into, so that none is handed out by mistake. */
export const supersededFolder = (lang: Lang): string => (lang === 'zh' ? '_已被取代-SUPERSEDED' : '_SUPERSEDED');

/**
 * Report file names follow the current/superseded order: reports were named as rows arrived (公司.html first),
 * so when a plant's older assessment came first, its current one got 公司-2.html. Swap them: the current assessment
 * takes the plain name, superseded ones the numbered names, newest first; a report superseded by a newer assessment
 * moves into the superseded sub-folder (supersededFolder). Reads only the duplicates' records. Names returned are
 * relative to the reports folder, with `/`.
 */
export async function orderReportNames(
  companiesFile: string,
  dupOf: ReadonlyMap<number, string>,
  superseded: ReadonlySet<number>,
  dir: string,
  lang: Lang,
): Promise<{ renamed: Map<number, string>; supersededReports: { report: string; date: string; current: string }[] }> {
  const byPlant = new Map<string, { seq: number; name: string; when: string }[]>();
  let seq = 0;
  for await (const r of readSpool<CompanyRecord>(companiesFile)) {
    const key = dupOf.get(seq);
    if (key !== undefined && r.report) {
      const list = byPlant.get(key) ?? [];
      list.push({ seq, name: r.report, when: `${r.date ?? ''} ${r.time ?? ''}` });
      byPlant.set(key, list);
    }
    seq++;
  }
  const renamed = new Map<number, string>();
  const moves: { from: string; to: string }[] = [];
  // each superseded report with the report of the plant's current assessment (for the folder's list of them)
  const supersededReports: { report: string; date: string; current: string }[] = [];
  for (const members of byPlant.values()) {
    // names in the order they were handed out (the plain name first), members current first, then newest first
    const names = members.map((m) => m.name);
    const ordered = [...members].sort((a, b) => Number(superseded.has(a.seq)) - Number(superseded.has(b.seq)) || b.when.localeCompare(a.when) || b.seq - a.seq);
    ordered.forEach((m, i) => {
      const aside = i > 0 && superseded.has(m.seq) && !superseded.has(ordered[0]!.seq);
      const to = aside ? `${supersededFolder(lang)}/${names[i]!}` : names[i]!;
      if (m.name !== to) {
        renamed.set(m.seq, to);
        moves.push({ from: m.name, to });
      }
      if (aside) supersededReports.push({ report: to, date: m.when.trim(), current: names[0]! });
    });
  }
  if (supersededReports.length) await fs.mkdir(path.join(dir, supersededFolder(lang)), { recursive: true });
  // Through temporary names, so that a swap never overwrites a report; synchronously, so that an interruption cannot
  // fall between the two passes and leave reports under hidden temporary names.
  // A rename that fails (a report open in Word on Windows) puts back those under temporary names, so that no report
  // is left hidden, and stops the run with the error.
  const tmp = (n: string) => path.join(dir, `.zhizao-tmp-rename-${n}`);
  const hidden: string[] = [];
  try {
    for (const m of moves) {
      renameSyncWithRetry(path.join(dir, m.from), tmp(m.from));
      hidden.push(m.from);
    }
    for (const m of moves) {
      renameSyncWithRetry(tmp(m.from), path.join(dir, ...m.to.split('/')));
      hidden.splice(hidden.indexOf(m.from), 1);
    }
  } catch (e) {
    // back under its own name, or the name it was going to, whichever is free (never over another report)
    const to = new Map(moves.map((m) => [m.from, m.to]));
    for (const name of hidden) {
      const ext = path.extname(name);
      const free = [path.join(dir, name), path.join(dir, ...to.get(name)!.split('/')), path.join(dir, `${name.slice(0, name.length - ext.length)}-restored${ext}`)].find((f) => !existsSync(f));
      try {
        if (free) renameSyncWithRetry(tmp(name), free);
      } catch {
        // left as it is: the error below says the run failed
      }
    }
    throw e;
  }
  return { renamed, supersededReports };
}

/**
 * A list in the reports folder of the reports that a newer assessment of the same plant supersedes (moved into the
 * superseded sub-folder), each with the report to use instead (a report file does not say it is superseded; its
 * folder, the per-company table and this list do). Its name, like the interruption marker's, starts with "_".
 */
export async function writeSupersededList(dir: string, list: readonly { report: string; date: string; current: string }[], lang: Lang, force: boolean): Promise<string | undefined> {
  if (!list.length) return undefined;
  const file = path.join(dir, lang === 'zh' ? '_已被取代-SUPERSEDED.txt' : '_SUPERSEDED.txt');
  const lines = [formatMessage('batch.reports-superseded-head', { count: list.length, folder: `${supersededFolder(lang)}/` }, lang), ...list.map((x) => formatMessage('batch.reports-superseded-line', { report: x.report, date: x.date || '—', current: x.current }, lang))];
  await writeFileAtomic(file, lines.join('\n') + '\n', { force });
  return file;
}
