import { validateFiles } from '../../app/validate.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import { forTerminal } from '../../messages/safe-text.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import type { ValidateOptions } from '../options.js';
import { diagnosticJson, printJson } from '../output.js';

export async function run(ctx: Context<ValidateOptions>, files: string[]): Promise<number> {
  const { term, opts } = ctx;
  const results = await validateFiles(ctx.defs, files, opts);
  // --strict: a warning (an unknown question id, a hidden answer…) fails the file too.
  const fails = (d: Diagnostic) => d.severity === 'error' || Boolean(opts.strict);
  const failed = results.some((r) => r.diagnostics.some(fails));
  if (opts.json) {
    printJson(ctx, {
      valid: !failed,
      files: results.map((r) => ({
        file: r.file,
        valid: !r.diagnostics.some(fails),
        errors: r.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
        ...(r.completeness !== undefined ? { completeness: round4(r.completeness) } : {}),
        problems: r.diagnostics.map((d) => diagnosticJson(d, term.lang, term.cmd())),
        ...(r.findings
          ? {
              findings: r.findings.map((f) => ({
                check: f.id,
                kind: f.kind,
                severity: f.severity,
                message: f.message[term.lang],
                about: f.about.map((a) => ({ question: a.question, status: a.status, answer: a.answer, shown: a.shown[term.lang], ...(a.at ? { line: a.at.line, column: a.at.column } : {}) })),
              })),
            }
          : {}),
      })),
    });
    return failed ? EXIT.invalid : EXIT.ok;
  }
  for (const r of results) {
    term.diagnostics(r.diagnostics);
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = r.diagnostics.length - errors;
    if (!r.diagnostics.some(fails)) {
      const comp = r.completeness !== undefined ? term.msg('cli.validate-completeness', { share: pct(r.completeness) }) : '';
      const warn = warnings ? term.msg('cli.validate-warnings', { count: warnings }) : '';
      term.say(term.err.green(`✓ ${forTerminal(r.file)}`) + term.msg('cli.validate-valid', { warnings: warn, completeness: comp }));
    } else if (errors === 0) {
      term.say(term.err.red(`✗ ${forTerminal(r.file)}`) + term.msg('cli.validate-strict-warnings', { count: warnings }));
    } else {
      term.say(term.err.red(`✗ ${forTerminal(r.file)}`) + term.msg('cli.validate-errors', { count: errors }) + (warnings ? term.msg('cli.validate-warnings', { count: warnings }) : ''));
    }
  }
  return failed ? EXIT.invalid : EXIT.ok;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const round4 = (x: number) => Math.round(x * 10000) / 10000;
