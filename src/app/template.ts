import { blankAnswerYaml } from '../core/template-yaml.js';
import type { Industry, InterviewMode, Lang } from '../core/types.js';
import type { Definitions } from '../io/definitions.js';

export type TemplateFormat = 'yaml' | 'csv' | 'xlsx' | 'xlsx-form';

/** A blank answer file (YAML), table (CSV/XLSX, one row per company) or Excel form (one company). */
export async function makeTemplate(defs: Definitions, req: { format: TemplateFormat; lang: Lang; industry: Industry; questionnaire?: string | undefined; command?: string; mode?: InterviewMode | undefined }): Promise<string | Uint8Array> {
  const q = await defs.questionnaire(req.questionnaire);
  if (req.format === 'yaml') return blankAnswerYaml(q, req.lang, req.industry, req.command, req.mode);
  const { tableTemplateCsv, buildTableTemplate } = await import('../io/table-template.js');
  if (req.format === 'csv') return tableTemplateCsv(q, req.lang, req.industry);
  const { buildForm } = await import('../io/tables/form.js');
  const wb = req.format === 'xlsx-form' ? await buildForm(q, req.lang, req.industry) : await buildTableTemplate(q, req.lang, req.industry);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
