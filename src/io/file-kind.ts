import { promises as fs, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import type { Limits } from '../core/source.js';
import { readText } from './read-input.js';

/**
 * What a new user passes where an answer file is expected — a folder, a survey table, a Word or PDF file — found
 * from the name and the first bytes before the file is parsed, so that it is named for what it is (parsed as YAML,
 * a workbook's bytes read as "nested deeper than 64 levels").
 */
export type ForeignFile = { kind: 'table'; ext: string } | { kind: 'document'; type: string };

/** Spreadsheets of Excel 97–2003 and WPS: read by neither, "open it in Excel or WPS and save as .xlsx". */
export const BINARY_SPREADSHEETS: ReadonlySet<string> = new Set(['.xls', '.et']);
/**
 * Other spreadsheets zhizao does not read (LibreOffice, Numbers, binary or macro-enabled Excel, tab-separated text):
 * "save it as .xlsx or .csv". A folder scan lists them as rejected, so that a survey export saved as .ods is never
 * dropped without a word.
 */
export const OTHER_SPREADSHEETS: ReadonlySet<string> = new Set(['.ods', '.fods', '.numbers', '.xlsb', '.xlsm', '.tsv']);
/** Every file name extension of a table, read or not (a table's problems are said as a table's). */
export const TABLE_EXTENSIONS: ReadonlySet<string> = new Set(['.csv', '.xlsx', ...BINARY_SPREADSHEETS, ...OTHER_SPREADSHEETS]);
const DOCUMENTS: Record<string, string> = {
  '.docx': 'Word (.docx)',
  '.doc': 'Word (.doc)',
  '.wps': 'WPS (.wps)',
  '.odt': 'OpenDocument (.odt)',
  '.rtf': 'RTF',
  '.pages': 'Pages',
  '.pdf': 'PDF',
  '.pptx': 'PowerPoint (.pptx)',
  '.ppt': 'PowerPoint (.ppt)',
  '.dps': 'WPS (.dps)',
  '.odp': 'OpenDocument (.odp)',
  '.zip': 'ZIP',
};
/** Office documents (a questionnaire in Word, a PDF): never answers or tables; a folder scan lists them as rejected. */
export const isOfficeDocument = (ext: string): boolean => ext !== '.zip' && DOCUMENTS[ext] !== undefined;
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04": .xlsx, .docx, .pptx, .zip
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .xls, .doc, .ppt of Office 97–2003
const starts = (head: Uint8Array, magic: number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);

/** The kind of a file that is not an answer file, from its name and first bytes; undefined for anything else. */
export function foreignFileKind(file: string, head: Uint8Array): ForeignFile | undefined {
  const ext = path.extname(file).toLowerCase();
  if (TABLE_EXTENSIONS.has(ext)) return { kind: 'table', ext };
  if (DOCUMENTS[ext]) return { kind: 'document', type: DOCUMENTS[ext] };
  if (starts(head, PDF)) return { kind: 'document', type: 'PDF' };
  if (starts(head, ZIP)) return { kind: 'document', type: 'ZIP' };
  if (starts(head, OLE)) return { kind: 'document', type: 'Office (.doc/.xls)' };
  return undefined;
}

const AT = { line: 1, column: 1 };
const NOTHING_READ = new Uint8Array(0);
const MAGIC_BYTES = 8;

function notAnswers(foreign: ForeignFile | undefined, shown: string, command: string): Diagnostic | undefined {
  if (!foreign) return undefined;
  if (foreign.kind === 'table') return diag('input.table-not-answers', shown, AT, { command, ext: foreign.ext });
  return diag('input.document-not-answers', shown, AT, { command, type: foreign.type });
}

/**
 * The text of what should be an answer file for `{cmd} {command}`, read once, or why it is not one: a folder, or a
 * table or document by its name, said before anything is read; a workbook or a PDF under another name, by the
 * first of the bytes read (also when the file is refused as too large: then its first bytes only); else what the
 * reader says (missing, unreadable, too large). `-` is standard input, taken as it is.
 */
export async function readAnswerText(file: string, shown: string, command: string, limits: Limits): Promise<{ ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] }> {
  if (file !== '-') {
    let st: Stats | undefined;
    try {
      st = statSync(file);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) return { ok: false, diagnostics: [diag('input.folder-not-answers', shown, AT, { command })] };
    const named = st?.isFile() ? notAnswers(foreignFileKind(file, NOTHING_READ), shown, command) : undefined;
    if (named) return { ok: false, diagnostics: [named] };
  }
  const r = await readText(file, shown, limits);
  if (!r.ok) {
    const tooLarge = file !== '-' && r.diagnostics.some((d) => d.code === 'input.too-large');
    const foreign = tooLarge ? notAnswers(foreignFileKind(file, await firstBytes(file, MAGIC_BYTES).catch(() => NOTHING_READ)), shown, command) : undefined;
    return { ok: false, diagnostics: foreign ? [foreign] : r.diagnostics };
  }
  const foreign = file === '-' ? undefined : notAnswers(foreignFileKind(file, r.bytes.subarray(0, MAGIC_BYTES)), shown, command);
  return foreign ? { ok: false, diagnostics: [foreign] } : { ok: true, text: r.text };
}

async function firstBytes(file: string, n: number): Promise<Uint8Array> {
  const fh = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
