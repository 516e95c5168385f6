import type { Diagnostic } from '../core/diagnostics.js';
import type { Lang } from '../core/types.js';
import { formatMessage } from '../messages/catalogue.js';
import { stringifyJson } from '../core/safe-text.js';

/** A diagnostic as machine-readable JSON (the message in the chosen language). */
export function diagnosticJson(d: Diagnostic, lang: Lang) {
  return { file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: formatMessage(d.code, d.args, lang), ...(d.path ? { path: d.path.join('.') } : {}) };
}

export function printJson(value: unknown): void {
  process.stdout.write(stringifyJson(value) + '\n');
}
