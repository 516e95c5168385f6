import type { Lang } from '../../core/types.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { unwritable } from '../errors.js';
import type { Definitions } from '../../io/definitions.js';
import { displayPath } from '../../io/paths.js';
import { cellText, type CellValue } from '../../io/tables/cells.js';
import type { TableLimits } from '../../io/tables/limits.js';
import { initSurveyMap } from '../../io/tables/map-init.js';
import { tableRows } from '../../io/tables/preview.js';
import { tableKindOf } from '../../io/tables/table-input.js';
import { InputError, diag } from '../../core/diagnostics.js';

export interface MapInitRequest {
  export: string;
  output?: string | undefined;
  questionnaire?: string | undefined;
  force: boolean;
  lang: Lang;
  /** The command that runs zhizao where the user is, for the check the map's header tells them to run. */
  cmd: string;
  tableLimits: TableLimits;
}
export interface MapInitResult {
  text: string;
  written?: string;
  columns: number;
  guesses: number;
  unmatched: number;
  labels: number;
}

/** Rows read to find the option labels used in the export. */
const SAMPLE_ROWS = 2000;

/** `zhizao map init EXPORT`: a starting survey map from an export's headers and cells, best guesses marked. */
export async function mapInit(defs: Definitions, req: MapInitRequest): Promise<MapInitResult> {
  const q = await defs.questionnaire(req.questionnaire);
  const shown = displayPath(req.export);
  const kind = tableKindOf(req.export);
  if (!kind) throw new InputError([diag('input.unsupported', shown, { line: 1, column: 1 }, { ext: req.export.replace(/^.*(\.[^.]*)$/, '$1') })]);
  const t = await tableRows(req.export, shown, kind, req.tableLimits);
  if ('diagnostics' in t) throw new InputError(t.diagnostics);
  let header: CellValue[] | undefined;
  let headerLine = 1;
  const sample: CellValue[][] = [];
  // (the first sheet of a workbook that has a header: a first sheet of instructions is passed over)
  for (const table of t.tables) {
    for await (const item of table.rows) {
      if ('error' in item) continue;
      const empty = item.cells.every((c) => c === null || cellText(c).trim() === '');
      if (!header) {
        // the header: the first row with at least two filled cells (a title row above it has one)
        if (empty || item.cells.filter((c) => c !== null && cellText(c).trim() !== '').length < 2) continue;
        header = item.cells;
        headerLine = item.row;
        continue;
      }
      if (!empty) sample.push(item.cells);
      if (sample.length >= SAMPLE_ROWS) break;
    }
    if (header) break;
  }
  if (!header) throw new InputError([diag('table.empty', shown, { line: 1, column: 1 })]);
  const text = initSurveyMap(q, shown, header, headerLine, sample, req.lang, req.cmd);
  const lines = text.split('\n');
  const columns = lines.filter((l) => /^ {2}"/.test(l)).length;
  const guesses = lines.filter((l) => /^ {2}".*# (guess|猜测)/.test(l)).length;
  const unmatched = lines.filter((l) => /^ {2}# ".*# \?/.test(l)).length;
  const labels = lines.filter((l) => /^ {4}(# )?".*# /.test(l)).length;
  if (req.output) {
    const out = req.output;
    await writeFileAtomic(out, text, { force: req.force }).catch((e: unknown) => {
      throw unwritable(e, out);
    });
  }
  return { text, ...(req.output ? { written: req.output } : {}), columns, guesses, unmatched, labels };
}
