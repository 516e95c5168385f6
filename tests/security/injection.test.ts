// Issue #11: names, notes and free text with HTML/script, Markdown injection, control characters and
// right-to-left overrides are harmless in Markdown and JSON reports (HTML is the HTML engineer's test), and in
// what the CLI prints on the terminal.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleData, expectClean, runCli, removeTempDirs, tempDir, UNSAFE_CHARS, writeJson } from './helpers.js';

afterAll(removeTempDirs);

/** Hostile texts, each with a marker so that we can find where it landed. */
const P = {
  script: 'ZZS<script>alert(1)</script>',
  img: 'ZZI<img src=x onerror=alert(1)>',
  link: 'ZZL[click me](javascript:alert(document.cookie))',
  image: 'ZZP![pixel](https://evil.example/track.png)',
  autolink: 'ZZA<https://evil.example/x> and https://evil.example/y',
  heading: 'ZZH\n# ZZHEADING\n\n## ZZHEADING2',
  table: 'ZZT| a | b |\n|---|---|\n| c | d |',
  backtick: 'ZZB`code` and ```fence```',
  comment: 'ZZC<!-- hide the rest',
  emphasis: 'ZZE*bold* _it_ ~~strike~~ \\escaped',
  entity: 'ZZN&lt;b&gt; &amp;',
  control: 'ZZK\u0000\u0007\u0008\u001b[31mred\u001b[0m\u007f\u009b',
  rlo: 'ZZR\u202egpj.exe\u202c\u2066\u2069\u200f',
  newline: 'ZZW line1\r\nline2\u2028line3',
};
const ALL = Object.values(P).join(' ');

function hostilePlant(): Record<string, unknown> {
  const d = exampleData();
  const resp = d.respondent as Record<string, unknown>;
  resp.company = `${P.script} ${P.rlo} ${P.table}`.slice(0, 200);
  resp.site = `${P.heading} ${P.control}`;
  resp.sector = P.link.slice(0, 100);
  resp.region = `${P.image} ${P.autolink}`;
  resp.park = `${P.comment} ${P.backtick}`;
  resp.assessor = `${P.img} ${P.emphasis}`;
  resp.interviewees = [P.table, P.rlo, P.control, P.entity];
  const answers = d.answers as Record<string, unknown>;
  answers.main_bottleneck = ALL;
  answers.key_processes_list = ALL;
  answers.digital_goals = ALL;
  const notes = d.notes as Record<string, unknown>;
  notes.designers_digital = ALL;
  notes.has_mes = { text: ALL, internal: false };
  d.overrides = {
    summary: ALL,
    expert_opinion: ALL,
    recommendations: { add: [{ title: `${P.script} ${P.link}`, rationale: ALL, measures: [ALL, P.table], phase: '0-6m' }] },
  };
  return d;
}

let dir: string;
let md: string;
let json: string;
beforeAll(() => {
  dir = tempDir('zhizao-inject-');
  writeJson(dir, 'hostile.json', hostilePlant());
  const r1 = runCli(['report', 'hostile.json', '--format', 'md', '--report-lang', 'both'], { cwd: dir });
  expect(r1.code, r1.stderr).toBe(0);
  md = r1.stdout;
  const r2 = runCli(['report', 'hostile.json', '--format', 'json'], { cwd: dir });
  expect(r2.code, r2.stderr).toBe(0);
  json = r2.stdout;
}, 60_000);

describe('Markdown report with hostile text', () => {
  it('carries every marker (the text is there, escaped, not dropped)', () => {
    for (const m of ['ZZS', 'ZZI', 'ZZL', 'ZZP', 'ZZA', 'ZZH', 'ZZT', 'ZZB', 'ZZC', 'ZZE', 'ZZN', 'ZZK', 'ZZR', 'ZZW']) expect(md, m).toContain(m);
  });
  it('no raw HTML: <script>, <img>, comments and autolinks are escaped (Markdown backslash escapes, no entities)', () => {
    // Every `<` that could open a tag, a comment or an autolink carries a backslash, so it renders as text.
    expect(md).not.toMatch(/(^|[^\\])<(script|img|!--|https?:)/im);
    expect(md).toContain('\\<script>');
    // No entities added by escaping (the user's own entity text is kept, its & escaped).
    expect(md).not.toMatch(/(^|[^\\])&(lt|gt|amp);/m);
  });
  it('no links or images: ](… is escaped, and URLs cannot autolink', () => {
    expect(md).not.toMatch(/(?<!\\)\]\((javascript|https?):/i);
    expect(md).not.toMatch(/(?<!\\)!\[pixel/);
    expect(md).not.toMatch(/https?:\/\/evil\.example/);
  });
  it('no headings or table rows from user text: newlines are folded, # and | escaped', () => {
    for (const line of md.split('\n')) {
      expect(line).not.toMatch(/^\s*#+\s*ZZHEADING/);
      expect(line).not.toMatch(/^\s*\|\s*c\s*\|\s*d\s*\|/);
    }
    expect(md).toContain('ZZT\\| a \\| b \\| \\|---\\|---\\| \\| c \\| d \\|');
    expect(md).toMatch(/ # ZZHEADING|\\# ZZHEADING/);
  });
  it('backticks, emphasis and entities are escaped', () => {
    expect(md).toContain('ZZB\\`code\\`');
    expect(md).toContain('ZZE\\*bold\\* \\_it\\_ \\~\\~strike\\~\\~ \\\\escaped');
    // An HTML entity written by the user stays visible as typed: its & is escaped.
    expect(md).toContain('ZZN\\&lt;b\\&gt;');
  });
  it('no control characters, ANSI escapes or bidi overrides', () => {
    expect(md).not.toMatch(UNSAFE_CHARS);
  });
});

describe('JSON report with hostile text', () => {
  it('is valid JSON and keeps the text exactly (JSON is data: escaping is the reader’s job)', () => {
    const out = JSON.parse(json);
    const plant = hostilePlant();
    expect(out.respondent.company).toBe((plant.respondent as Record<string, unknown>).company);
    expect(out.respondent.interviewees).toEqual((plant.respondent as Record<string, unknown>).interviewees);
  });
  it('has no raw C0 controls (JSON.stringify escapes them)', () => {
     
    expect(json).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
  // Regression (found by fuzzing/review, fixed; src/cli/json-output.ts printJson and src/cli/commands/report.ts): JSON output carries U+202E and other
  // bidi/C1 characters raw, so `cat report.json`, an editor or a log viewer shows reordered ("Trojan Source")
  // text. The data is fine after JSON.parse; the bytes on screen are not. Fix: one `stringifyJson(v)` used by
  // printJson and `report --format json` that post-processes JSON.stringify with
  // `.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))`
  // (valid JSON, identical data; Lighthouse's sanitizeJson does the same for U+2028/2029).
  it('has no raw bidi overrides or C1 controls (they are \\u-escaped)', () => {
    expect(json).not.toMatch(UNSAFE_CHARS);
    expect(json).toContain('\\u202e');
  });
});

describe('the terminal: user text never reaches it raw', () => {
  // Regression (found by fuzzing/review, fixed; src/messages/catalogue.ts formatMessage, src/cli/render-score.ts): diagnostics quote the offending
  // value verbatim and the score summary prints the company name verbatim, so an answer file can send escape
  // sequences to the consultant's terminal (clear the screen, set the window title, hide text with colours or
  // U+202E). Fix: in formatMessage, pass every string arg through a `forTerminal(s)` that replaces C0/C1
  // controls (except \t) with visible escapes (`\x1b`) and drops bidi controls (escape.ts sanitizeText does the
  // dropping already), and apply it to respondent fields in render-score.ts.
  it('validate quotes a hostile answer value without raw escape sequences', () => {
    const d = exampleData();
    (d.answers as Record<string, unknown>).production_mode = 'x\u001b]0;pwned\u0007\u001b[2J\u202e';
    writeJson(dir, 'escape-value.json', d);
    const r = runCli(['validate', 'escape-value.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/escape-value\.json:\d+:\d+ error "How is production of the main products organised\?" \(production_mode\)/);
    expectClean(r, expect);
    expect(r.stderr).not.toMatch(UNSAFE_CHARS);
  });
  it('score prints a hostile company name without raw escape sequences', () => {
    const d = exampleData();
    (d.respondent as Record<string, unknown>).company = 'ACME\u001b[2J\u001b]0;pwned\u0007\u202eevil';
    writeJson(dir, 'escape-company.json', d);
    const r = runCli(['score', 'escape-company.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ACME');
    expect(r.stdout + r.stderr).not.toMatch(UNSAFE_CHARS);
  });
  it('file names with escape sequences are not printed raw either (batch reads names chosen by companies)', () => {
    const name = 'evil\u001b[2J\u202e.yaml';
    const r = runCli(['validate', path.join(dir, name)], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no such file/);
    expect(r.stderr).not.toMatch(UNSAFE_CHARS);
  });
});

describe('batch JSON with hostile text', () => {
  it('carries no raw bidi overrides or C1 controls, in the table output and in --reports json', () => {
    const d = exampleData();
    (d.respondent as Record<string, unknown>).company = 'Bidi\u202eCo\u0085';
    writeJson(dir, 'bidi-company.json', d);
    const r = runCli(['batch', 'bidi-company.json', '--json', '--questionnaire', 'smart-manufacturing'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE_CHARS);
    expect(JSON.parse(r.stdout).companies[0].company).toBe('Bidi\u202eCo\u0085'); // the same data, escaped bytes
    expect(r.stdout).toContain('\\u202e');
  });
});
