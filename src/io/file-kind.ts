import { promises as fs } from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic } from '../core/diagnostics.js';

/**
 * What a new user passes where an answer file is expected — a folder, a survey table, a Word or PDF file — found
 * from the name and the first bytes before the file is parsed, so that it is named for what it is (parsed as YAML,
 * a workbook's bytes read as "nested deeper than 64 levels").
 */
export type ForeignFile = { kind: 'table'; ext: string } | { kind: 'document'; type: string };

const TABLES = new Set(['.csv', '.tsv', '.xlsx', '.xlsm', '.xls', '.et']);
const DOCUMENTS: Record<string, string> = {
  '.docx': 'Word (.docx)',
  '.doc': 'Word (.doc)',
  '.wps': 'WPS (.wps)',
  '.pdf': 'PDF',
  '.pptx': 'PowerPoint (.pptx)',
  '.ppt': 'PowerPoint (.ppt)',
  '.zip': 'ZIP',
};
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04": .xlsx, .docx, .pptx, .zip
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .xls, .doc, .ppt of Office 97–2003
const starts = (head: Uint8Array, magic: number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);

/** The kind of a file that is not an answer file, from its name and first bytes; undefined for anything else. */
export function foreignFileKind(file: string, head: Uint8Array): ForeignFile | undefined {
  const ext = path.extname(file).toLowerCase();
  if (TABLES.has(ext)) return { kind: 'table', ext };
  if (DOCUMENTS[ext]) return { kind: 'document', type: DOCUMENTS[ext] };
  if (starts(head, PDF)) return { kind: 'document', type: 'PDF' };
  if (starts(head, ZIP)) return { kind: 'document', type: 'ZIP' };
  if (starts(head, OLE)) return { kind: 'document', type: 'Office (.doc/.xls)' };
  return undefined;
}

/**
 * Why `file` cannot be an answer file for `zhizao {command}`, or undefined when it may be one (a missing or
 * unreadable file is left to the reader, which says so). Reads only the first bytes.
 */
export async function notAnAnswerFile(file: string, shown: string, command: string): Promise<Diagnostic | undefined> {
  if (file === '-') return undefined;
  const at = { line: 1, column: 1 };
  let foreign: ForeignFile | undefined;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) return diag('input.folder-not-answers', shown, at, { command });
    if (!st.isFile()) return undefined;
    foreign = foreignFileKind(file, await firstBytes(file, 8));
  } catch {
    return undefined;
  }
  if (!foreign) return undefined;
  if (foreign.kind === 'table') return diag('input.table-not-answers', shown, at, { command, ext: foreign.ext });
  return diag('input.document-not-answers', shown, at, { command, type: foreign.type });
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
