import type { Context } from '../cli/program.js';
import type { Questionnaire } from '../core/questionnaire.js';
import { UsageError } from '../cli/errors.js';

/** Table templates (CSV/XLSX) and the per-company Excel form. */
export async function writeTableTemplate(_ctx: Context, _q: Questionnaire, format: 'csv' | 'xlsx' | 'xlsx-form'): Promise<number> {
  throw new UsageError(`template --format ${format} is not available in this build yet`);
}
