import path from 'node:path';
import { completeness } from '../../core/completeness.js';
import { sortDiagnostics, type Diagnostic } from '../../core/diagnostics.js';
import { loadAnswerFile } from '../../io/answer-file.js';
import { displayPath } from '../../io/paths.js';
import { EXIT } from '../errors.js';
import { forTerminal } from '../../core/safe-text.js';
import { diagnosticJson, printJson } from '../json-output.js';
import type { Context } from '../program.js';

interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  completeness?: number;
}

export async function run(ctx: Context, files: string[]): Promise<number> {
  const { term, defs, opts } = ctx;
  const results: FileResult[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    if (opts.definition) {
      results.push({ file: shown, diagnostics: await defs.validateDefinition(file) });
      continue;
    }
    const ext = path.extname(file).toLowerCase();
    if (ext === '.csv' || ext === '.xlsx' || ext === '.xls' || ext === '.et') {
      const { validateTable } = await import('../../io/table-validate.js');
      results.push(...(await validateTable(file, ctx)));
      continue;
    }
    const loaded = await loadAnswerFile(file, defs, opts.questionnaire as string | undefined);
    const r: FileResult = { file: shown, diagnostics: sortDiagnostics(loaded.diagnostics) };
    if ('answers' in loaded && loaded.answers) r.completeness = completeness(loaded.questionnaire, loaded.answers).share;
    results.push(r);
  }
  const failed = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  if (opts.json) {
    printJson({
      valid: !failed,
      files: results.map((r) => ({
        file: r.file,
        valid: !r.diagnostics.some((d) => d.severity === 'error'),
        errors: r.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
        ...(r.completeness !== undefined ? { completeness: round4(r.completeness) } : {}),
        problems: r.diagnostics.map((d) => diagnosticJson(d, term.lang)),
      })),
    });
  } else {
    for (const r of results) {
      term.diagnostics(r.diagnostics);
      const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = r.diagnostics.length - errors;
      if (errors === 0) {
        const comp = r.completeness !== undefined ? term.t({ zh: `，完成度 ${pct(r.completeness)}`, en: `, ${pct(r.completeness)} complete` }) : '';
        const warn = warnings ? term.t({ zh: `（${warnings} 条警告）`, en: ` (${warnings} warning${warnings > 1 ? 's' : ''})` }) : '';
        term.say(term.err.green(`✓ ${forTerminal(r.file)}`) + term.t({ zh: ` 有效${warn}${comp}`, en: ` valid${warn}${comp}` }));
      } else {
        term.say(term.err.red(`✗ ${forTerminal(r.file)}`) + term.t({ zh: ` ${errors} 个错误`, en: ` ${errors} error${errors > 1 ? 's' : ''}` }));
      }
    }
  }
  return failed ? EXIT.invalid : EXIT.ok;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const round4 = (x: number) => Math.round(x * 10000) / 10000;
