// Issue #11 / product.md §11: no command opens a network connection; temporary files are removed on every exit
// path; internal notes never leave the answer file; `--audience office` reports carry scores, not notes, KPI
// answers or security answers; answer files cannot make zhizao read a local path.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, exampleData, expectClean, ROOT, runCli, SECURITY, removeTempDirs, tempDir, writeJson } from './helpers.js';

afterAll(removeTempDirs);

const GUARD = path.join(SECURITY, 'preload', 'guard.mjs');
interface GuardEntry {
  type: 'net' | 'dns' | 'spawn' | 'read';
  api: string;
  detail: string;
}

/** Run the CLI with the guard preloaded; returns the run and what the guard saw. */
function guarded(args: string[], cwd: string, input?: string) {
  const log = path.join(cwd, `.guard-${process.hrtime.bigint()}.log`);
  const r = runCli(args, { cwd, input, env: { NODE_OPTIONS: `--import=${GUARD}`, ZHIZAO_GUARD_LOG: log } });
  const entries: GuardEntry[] = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as GuardEntry)
    : [];
  rmSync(log, { force: true });
  return { ...r, entries };
}

let dir: string;
beforeAll(() => {
  dir = tempDir('zhizao-confidential-');
  writeFileSync(path.join(dir, 'plant.yaml'), readFileSync(EXAMPLE));
});

describe('no network at run time', () => {
  it('the guard works (positive control): a connection attempt is recorded and refused', () => {
    const log = path.join(dir, 'control.log');
    const r = runCli([], { cwd: dir, env: { NODE_OPTIONS: `--import=${GUARD}`, ZHIZAO_GUARD_LOG: log }, nodeArgs: ['-e', "fetch('http://127.0.0.1:9').catch(()=>{}); try { require('dns').lookup('example.com', ()=>{}) } catch {} try { require('net').connect(9, '127.0.0.1') } catch {}"] });
    // nodeArgs put -e before BIN: node runs the -e script and ignores BIN.
    expect(r.code).toBe(0);
    const seen = readFileSync(log, 'utf8');
    expect(seen).toMatch(/"api":"fetch"/);
    expect(seen).toMatch(/"api":"dns\.lookup"/);
    expect(seen).toMatch(/"api":"net\.connect"/);
  });

  const COMMANDS: [string, string[]][] = [
    ['validate', ['validate', 'plant.yaml']],
    ['score --explain', ['score', 'plant.yaml', '--explain', '--targets', 'national-2025']],
    ['report md', ['report', 'plant.yaml', '--format', 'md', '--report-lang', 'both']],
    ['report json office', ['report', 'plant.yaml', '--format', 'json', '--audience', 'office']],
    ['report html', ['report', 'plant.yaml', '--format', 'html']],
    ['report docx', ['report', 'plant.yaml', '--format', 'docx', '-o', 'net-report.docx', '--force']],
    ['report md to a file', ['report', 'plant.yaml', '--format', 'md', '-o', 'net-report.md', '--force']],
    ['template -o', ['template', '-o', 'net-blank.yaml', '--force']],
    ['questionnaire show', ['questionnaire', 'show', 'smart-manufacturing', '--json']],
    ['batch --json', ['batch', 'plant.yaml', '--json', '--jobs', '2']],
    ['an input error', ['score', 'missing.yaml']],
    ['--help', ['--help']],
  ];
  it.each(COMMANDS)('%s: no connection, DNS query or child process is attempted', (_, args) => {
    const r = guarded(args, dir);
    expectClean(r, expect);
    expect([0, 1]).toContain(r.code);
    expect(r.entries.filter((e) => e.type !== 'read')).toEqual([]);
  });
});

describe('temporary files are removed on every exit path', () => {
  const listTemps = (d: string) => readdirSync(d).filter((n) => /zhizao-tmp|\.tmp-/.test(n));
  it.each([
    ['success', ['report', 'plant.yaml', '-o', 'out.md'], 0, ['out.md']],
    ['success (template)', ['template', '-o', 'blank.yaml'], 0, ['blank.yaml']],
    ['success (docx)', ['report', 'plant.yaml', '--format', 'docx', '-o', 'out.docx'], 0, ['out.docx']],
    ['usage error: output exists, no --force', ['report', 'plant.yaml', '-o', 'exists.md'], 2, ['exists.md']],
    ['usage error: bad option', ['report', 'plant.yaml', '--format', 'pdf', '-o', 'x.md'], 2, []],
    ['input error: invalid answer file', ['report', 'bad.yaml', '-o', 'never.md'], 1, []],
    ['input error: missing file', ['report', 'missing.yaml', '-o', 'never.md'], 1, []],
    ['batch success -o out.json', ['batch', 'plant.yaml', '-o', 'out.json'], 0, ['out.json']],
    ['batch with a rejected input -o out.csv', ['batch', 'plant.yaml', 'bad.yaml', '-o', 'out.csv'], 1, ['out.csv', 'out.plan.csv', 'out.problems.csv', 'out.rejected.csv', 'out.summary.csv']],
    ['write error: output into a missing folder', ['report', 'plant.yaml', '-o', 'no-such-dir/r.md'], null, []],
    ['write error: output is a folder (--force)', ['report', 'plant.yaml', '-o', 'a-folder', '--force'], null, ['a-folder']],
  ])('%s', (_, args, code, created) => {
    const cwd = tempDir('zhizao-tmpclean-');
    writeFileSync(path.join(cwd, 'plant.yaml'), readFileSync(EXAMPLE));
    writeFileSync(path.join(cwd, 'bad.yaml'), 'questionnaire: smart-manufacturing\nrespondent: {company: X}\nanswers: [\n');
    writeFileSync(path.join(cwd, 'exists.md'), 'keep me\n');
    mkdirSync(path.join(cwd, 'a-folder'));
    const before = new Set(readdirSync(cwd));
    const r = runCli(args as string[], { cwd });
    if (code !== null) expect(r.code, r.stderr).toBe(code);
    else expect(r.code).not.toBe(0);
    const after = readdirSync(cwd);
    expect(listTemps(cwd)).toEqual([]);
    expect(after.filter((n) => !before.has(n)).sort()).toEqual((created as string[]).filter((n) => !before.has(n)).sort());
    expect(readFileSync(path.join(cwd, 'exists.md'), 'utf8')).toBe('keep me\n');
    if (existsSync(path.join(cwd, 'no-such-dir'))) expect(readdirSync(path.join(cwd, 'no-such-dir'))).toEqual([]);
  });

  // Regression (found by fuzzing/review, fixed; src/cli/write-output.ts / src/io/atomic-write.ts): an output path that cannot be written (missing folder,
  // a folder, no permission, disk full) ends as "internal error: ENOENT: no such file or directory, open
  // '/…/.r.md.zhizao-tmp-1234-…'" with exit 2: the message blames zhizao and shows the temp file's name, not the
  // user's path. Fix: in writeOutput, catch NodeJS.ErrnoException (ENOENT, ENOTDIR, EISDIR, EACCES, EPERM, EROFS,
  // ENOSPC) and throw a UsageError (exit 2) or InputError-like message "cannot write r.md: no such folder
  // no-such-dir" naming the user's path.
  it.each([
    ['missing folder', 'no-such-dir/r.md', []],
    ['a folder', 'a-folder', ['--force']],
  ])('an unwritable output (%s) is a clear message naming the output, not an internal error', (_, out, extra) => {
    const cwd = tempDir('zhizao-unwritable-');
    writeFileSync(path.join(cwd, 'plant.yaml'), readFileSync(EXAMPLE));
    mkdirSync(path.join(cwd, 'a-folder'));
    const r = runCli(['report', 'plant.yaml', '-o', out, ...extra], { cwd });
    expect([1, 2]).toContain(r.code);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).not.toMatch(/zhizao-tmp/);
    expect(r.stderr).toContain(out.split('/')[0]);
  });
});

/** A plant with unmistakable markers in everything an office report must not carry. */
function markedPlant() {
  const d = exampleData();
  const notes = d.notes as Record<string, unknown>;
  notes.designers_digital = 'ZZPUBLICNOTE public evidence note';
  notes.has_mes = { text: 'ZZPUBLICOBJ public note as an object', internal: false };
  notes.key_processes_cnc = { text: 'ZZINTERNAL1 internal note', internal: true };
  notes.req_ot_segmentation = { text: 'ZZINTERNAL2 internal security note', internal: true };
  notes.information_security_level = { text: 'ZZINTERNAL3 firewall gaps', internal: true };
  const answers = d.answers as Record<string, unknown>;
  answers.kpi_operating_cost = 987654.321;
  answers.kpi_output_per_worker = 876543.21;
  answers.kpi_development_cycle_days = 765432;
  answers.kpi_energy_per_output = 0.0654321;
  answers.kpi_defect_rate = 0.0123457;
  return d;
}
const INTERNAL = /ZZINTERNAL\d/;
const PUBLIC_NOTES = /ZZPUBLIC(NOTE|OBJ)/;
const KPI_VALUES = /987654|876543|765432|0\.0654321|6\.54321|0\.0123457|1\.23457/;

/** Every report format (the HTML and DOCX renderers landed while this test was written). */
const FORMATS: { format: string; file?: string; text: (out: string, file?: string) => Promise<string> }[] = [
  { format: 'md', text: async (out) => out },
  { format: 'json', text: async (out) => out },
  // HTML: the document with entities decoded (markers are plain ASCII; question texts may contain escaped characters).
  { format: 'html', text: async (out) => out.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') },
  // DOCX: the text of every part of the package (document, headers, footers, footnotes, comments, properties).
  {
    format: 'docx',
    file: 'out.docx',
    text: async (_, file) => {
      const zip = await JSZip.loadAsync(readFileSync(file!));
      const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir && /\.xml$|\.rels$/.test(f.name)).map((f) => f.async('string')));
      // Text runs joined, so that a marker split across runs is still found.
      return parts.map((x) => x.replace(/<w:t[^>]*>([^<]*)<\/w:t>/g, '$1').replace(/<[^>]+>/g, ' ')).join('\n') + parts.map((x) => x.replace(/<[^>]+>/g, '')).join('');
    },
  },
];
function report(format: (typeof FORMATS)[number], extra: string[]) {
  const out = format.file ? path.join(dir, format.file) : undefined;
  const r = runCli(['report', 'marked.json', '--format', format.format, '--lang', 'en', ...(out ? ['-o', out, '--force'] : []), ...extra], { cwd: dir });
  return { ...r, out };
}

describe('internal notes and --audience office, in every available report format', () => {
  let qText: Record<string, string>;
  beforeAll(() => {
    writeJson(dir, 'marked.json', markedPlant());
    const show = runCli(['questionnaire', 'show', 'smart-manufacturing', '--json'], { cwd: dir });
    const q = JSON.parse(show.stdout) as { sections: { questions: { id: string; subdomain?: string; text: { zh: string; en: string } }[] }[] };
    qText = Object.fromEntries(q.sections.flatMap((s) => s.questions).map((x) => [x.id, x.text.en]));
    expect(qText.req_ot_segmentation).toBeTruthy();
  });

  it.each(FORMATS)('$format, client: public notes are there, internal notes are not', async (f) => {
    const r = report(f, []);
    expect(r.code, r.stderr).toBe(0);
    const out = await f.text(r.stdout, r.out);
    expect(out).not.toMatch(INTERNAL);
    if (f.format !== 'json') expect(out).toMatch(PUBLIC_NOTES);
  });

  it.each(FORMATS)('$format, office: no notes at all, no KPI answers, no security answers', async (f) => {
    const r = report(f, ['--audience', 'office']);
    expect(r.code, r.stderr).toBe(0);
    const out = await f.text(r.stdout, r.out);
    const format = f.format;
    expect(out).not.toMatch(INTERNAL);
    expect(out).not.toMatch(PUBLIC_NOTES);
    expect(out).not.toMatch(KPI_VALUES);
    for (const id of ['information_security_level', 'req_ot_segmentation', 'req_security_risk_assessment']) expect(out, id).not.toContain(qText[id]!);
    for (const id of ['kpi_operating_cost', 'kpi_defect_rate']) expect(out, id).not.toContain(qText[id]!);
    // Scores stay: the office gets the level.
    if (format === 'json') expect(JSON.parse(out).maturity.level).toBeGreaterThanOrEqual(0);
    else expect(out).toMatch(/level|级/i);
  });

  it.each(FORMATS.filter((f) => f.format !== 'json'))('$format, client: does show the security and KPI answers (so the office checks mean something)', async (f) => {
    const r = report(f, []);
    const out = await f.text(r.stdout, r.out);
    expect(out).toContain(qText.req_ot_segmentation!);
    expect(out).toMatch(KPI_VALUES);
  });

  it('score --json carries no notes at all', () => {
    const r = runCli(['score', 'marked.json', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(INTERNAL);
    expect(r.stdout).not.toMatch(PUBLIC_NOTES);
  });
});

describe('answer files name questionnaires by id only', () => {
  it.each([
    ['../../etc/passwd'],
    ['/etc/passwd'],
    ['QUESTIONNAIRE_ABS'],
    ['../questionnaires/smart-manufacturing.yaml'],
    ['smart-manufacturing.yaml'],
    ['C:\\zhizao\\q.yaml'],
    ['file:///etc/passwd'],
    ['https://evil.example/q.yaml'],
    ['mini'],
  ])('questionnaire: %s → exit 1, a clear message, and the path is never opened', (value) => {
    const target = path.join(dir, 'x-questionnaire.yaml');
    writeFileSync(target, readFileSync(path.join(ROOT, 'tests', 'fixtures', 'definitions', 'mini.yaml')));
    const q = value === 'QUESTIONNAIRE_ABS' ? target : value;
    writeFileSync(path.join(dir, 'by-path.yaml'), `questionnaire: ${JSON.stringify(q)}\nrespondent: {company: P, industry: discrete}\nanswers: {design_level: pdm}\n`);
    const r = guarded(['score', 'by-path.yaml', '--json'], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^by-path\.yaml:1:\d+ error .*questionnaire/m);
    expectClean(r, expect);
    const opened = r.entries.filter((e) => e.type === 'read').map((e) => e.detail);
    for (const p of [target, '/etc/passwd', 'mini.yaml']) expect(opened.filter((d) => d.includes(p))).toEqual([]);
    expect(r.entries.filter((e) => e.type !== 'read')).toEqual([]);
  });

  it('--questionnaire PATH on the command line is the way to use a custom questionnaire', () => {
    const target = path.join(dir, 'x-questionnaire.yaml');
    writeFileSync(path.join(dir, 'mini-answers.yaml'), 'questionnaire: mini\nrespondent: {company: P, industry: discrete}\nanswers: {design_level: pdm}\n');
    const r = runCli(['score', 'mini-answers.yaml', '--json', '--questionnaire', target], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).questionnaire.id).toBe('mini');
  });
});
