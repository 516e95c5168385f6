// The reports folder's renames (current assessment takes the plain name, superseded ones move aside): a rename that
// fails part-way leaves no report under a hidden temporary name and overwrites none (src/app/batch/reports-folder.ts).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { orderReportNames } from '../../src/app/batch/reports-folder';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Two assessments of one plant: the older one (seq 0) got the plain name, the current one (seq 1) the numbered. */
function folder(): { companies: string; reports: string } {
  dir = mkdtempSync(path.join(tmpdir(), 'zhizao-rename-'));
  const reports = path.join(dir, 'rep');
  mkdirSync(reports);
  writeFileSync(path.join(reports, 'A.md'), 'older');
  writeFileSync(path.join(reports, 'A-2.md'), 'current');
  const companies = path.join(dir, 'companies.ndjson');
  writeFileSync(companies, [{ report: 'A.md', date: '2026-01-01' }, { report: 'A-2.md', date: '2026-06-01' }].map((r) => JSON.stringify(r)).join('\n') + '\n');
  return { companies, reports };
}
const dup = new Map([[0, 'A'], [1, 'A']]);

describe('orderReportNames', () => {
  it('the current assessment takes the plain name, the superseded one moves aside', async () => {
    const { companies, reports } = folder();
    const r = await orderReportNames(companies, dup, new Set([0]), reports, 'en');
    expect(readFileSync(path.join(reports, 'A.md'), 'utf8')).toBe('current');
    expect(readFileSync(path.join(reports, '_SUPERSEDED', 'A-2.md'), 'utf8')).toBe('older');
    expect(r.supersededReports).toEqual([{ report: '_SUPERSEDED/A-2.md', date: '2026-01-01', current: 'A.md' }]);
  });

  it('a rename that fails part-way puts the report back under a visible name, over no other report, and fails', async () => {
    const { companies, reports } = folder();
    // the superseded report's new place is taken by a folder: its rename fails after the current one has moved
    mkdirSync(path.join(reports, '_SUPERSEDED', 'A-2.md', 'x'), { recursive: true });
    await expect(orderReportNames(companies, dup, new Set([0]), reports, 'en')).rejects.toThrow();
    const names = readdirSync(reports);
    expect(names.filter((n) => n.includes('zhizao-tmp'))).toEqual([]);
    expect(readFileSync(path.join(reports, 'A.md'), 'utf8')).toBe('current');
    expect(readFileSync(path.join(reports, 'A-restored.md'), 'utf8')).toBe('older');
  });
});
