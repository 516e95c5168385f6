import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { invocation, type InvocationEnv } from '../../src/cli/invocation.js';
import { diagnosticJson } from '../../src/cli/output.js';
import { renderScoreSummary } from '../../src/cli/render-score.js';
import { formatDiagnostic, plainChalk } from '../../src/cli/terminal.js';
import { diag } from '../../src/core/diagnostics.js';
import { buildResult } from '../../src/core/result.js';
import { MESSAGES } from '../../src/messages/catalogue.js';
import { mustAnswers, profile, questionnaire, read, targets } from '../helpers/defs.js';

function env(files: string[], over: Partial<InvocationEnv> & { vars?: NodeJS.ProcessEnv } = {}): InvocationEnv {
  const set = new Set(files.map((f) => path.resolve(f)));
  return {
    env: over.vars ?? { PATH: '/usr/local/bin:/usr/bin' },
    script: over.script ?? '/opt/zhizao/bin/zhizao.js',
    cwd: over.cwd ?? '/home/wang/plants',
    platform: over.platform ?? 'linux',
    isFile: (p) => set.has(path.resolve(p)),
    readText: over.readText ?? (() => undefined),
  };
}

describe('invocation: the command printed for the user to run next', () => {
  it('zhizao when it is on PATH (a global install)', () => {
    expect(invocation(env(['/usr/local/bin/zhizao']))).toBe('zhizao');
  });
  it('npx zhizao when npx started this run, even though npx put its own bin folder on PATH', () => {
    const vars = { PATH: '/home/wang/plants/node_modules/.bin:/usr/bin', npm_command: 'exec', npm_lifecycle_event: 'npx' };
    expect(invocation(env(['/home/wang/plants/node_modules/.bin/zhizao'], { vars }))).toBe('npx zhizao');
  });
  it('npx zhizao inside a project that has it installed, or in the zhizao checkout itself', () => {
    expect(invocation(env(['/home/wang/plants/node_modules/.bin/zhizao'], { cwd: '/home/wang/plants/2026' }))).toBe('npx zhizao');
    expect(invocation(env([], { cwd: '/src/zhizao/examples', readText: (p) => (p === path.resolve('/src/zhizao/package.json') ? '{"name": "zhizao"}' : undefined) }))).toBe('npx zhizao');
  });
  it('node <launcher> anywhere else', () => {
    expect(invocation(env([]))).toBe('node /opt/zhizao/bin/zhizao.js');
    expect(invocation(env([], { script: '/opt/my tools/zhizao/bin/zhizao.js' }))).toBe('node "/opt/my tools/zhizao/bin/zhizao.js"');
  });
  it('Windows: zhizao.cmd on Path', () => {
    expect(invocation(env(['C:\\npm\\zhizao.cmd'], { platform: 'win32', vars: { Path: 'C:\\npm;C:\\Windows', PATHEXT: '.COM;.EXE;.BAT;.CMD' } }))).toBe('zhizao');
  });
});

describe('the messages that tell a command to run name the command that runs zhizao where the user is', () => {
  const cmd = 'node "/opt/my tools/zhizao/bin/zhizao.js"';
  const at = { line: 1, column: 1 };
  const q = questionnaire('questionnaires/smart-manufacturing.yaml');
  const result = buildResult(q, mustAnswers(q, parse(read('examples/discrete-machinery.zhizao.yaml'))), profile(), targets());

  it('a folder, a table or a document given for an answer file, on the terminal and in --json (en, zh)', () => {
    const ds = [
      diag('input.folder-not-answers', 'answers', at, { command: 'report' }),
      diag('input.table-not-answers', 'survey.xlsx', at, { command: 'report', ext: '.xlsx' }),
      diag('input.document-not-answers', 'report.pdf', at, { command: 'report', type: 'PDF' }),
    ];
    for (const lang of ['en', 'zh'] as const) {
      for (const d of ds) {
        for (const text of [formatDiagnostic(d, lang, cmd), diagnosticJson(d, lang, cmd).message]) {
          expect(text).toContain(`\`${cmd} report\``);
          expect(text).not.toMatch(/`zhizao |\{cmd\}/);
        }
      }
    }
    expect(formatDiagnostic(ds[0]!, 'en', cmd)).toContain(`use \`${cmd} batch FOLDER\``);
    expect(formatDiagnostic(ds[1]!, 'zh', 'npx zhizao')).toContain('`npx zhizao map init 表格文件`');
    expect(formatDiagnostic(ds[2]!, 'en', 'npx zhizao')).toContain('start one with `npx zhizao template -o plant.zhizao.yaml` or `npx zhizao assess`');
  });

  it('the score summary says which command lists the consistency findings', () => {
    const withFindings = { ...result, findings: [{ id: 'x', kind: 'check' as const, severity: 'warning' as const, questions: [], message: { zh: 'x', en: 'x' } }] };
    expect(renderScoreSummary(withFindings, 'en', cmd, plainChalk())).toContain(`1 consistency finding (${cmd} validate lists them)`);
    expect(renderScoreSummary(withFindings, 'zh', 'npx zhizao', plainChalk())).toContain('（npx zhizao validate 会逐条列出）');
  });

  it('at the end of an interview the findings are listed with the warnings about the respondent details, counted together', () => {
    const withFindings = { ...result, findings: [{ id: 'x', kind: 'check' as const, severity: 'warning' as const, questions: [], message: { zh: '数字口径不一致', en: 'figures disagree' } }] };
    const end = renderScoreSummary(withFindings, 'en', cmd, plainChalk(), false, true, ['Sector "machining" is not a GB/T 4754 industry code']);
    expect(end).toContain('2 consistency findings to check');
    expect(end).toContain('  ⚠ figures disagree\n  ⚠ Sector "machining" is not a GB/T 4754 industry code\n');
    // a sector warning alone is listed too; the score command (not an interview) does not take them
    expect(renderScoreSummary(result, 'en', cmd, plainChalk(), false, true, ['Sector "machining"'])).toContain('1 consistency finding to check');
    expect(renderScoreSummary(result, 'en', cmd, plainChalk(), false, true)).not.toContain('consistency');
  });

  it('no other message writes zhizao followed by a command: they write {cmd}', () => {
    const commands = /\bzhizao (assess|template|validate|score|report|compare|merge|batch|map|questionnaire|targets)\b/;
    // Where zhizao names the program (the command that wrote a file, or was interrupted), not a command to type; and
    // the two messages made where a batch worker formats them without the command (src/app/batch/process.ts).
    const naming = new Set(['mapinit.title', 'batch.reports-marker', 'answers.empty-file', 'table.needs-map']);
    const hardCoded = Object.entries(MESSAGES).filter(([code, m]) => !naming.has(code) && (commands.test(m.en) || commands.test(m.zh)));
    expect(hardCoded.map(([code]) => code)).toEqual([]);
  });
});
