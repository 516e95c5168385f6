import type { ReportData } from './report-data.js';

/** DOCX report (issue #7). */
export async function renderDocx(_data: ReportData, _opts: { lang: 'zh' | 'en' | 'both' }): Promise<Uint8Array> {
  throw new Error('DOCX report is not available in this build yet');
}
