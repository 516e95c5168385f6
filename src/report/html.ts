import type { ReportData } from './report-data.js';
import type { RenderOptions } from './render.js';

/** Self-contained HTML report (issue #7). */
export function renderHtml(_data: ReportData, _opts: RenderOptions): string {
  throw new Error('HTML report is not available in this build yet');
}
