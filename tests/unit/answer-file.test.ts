// Loading an answer file: what is not one (a folder, a table, a document) is named for what it is, and the file is
// read once — the bytes that say it is not a document are the bytes parsed.
import fs, { promises as fsp, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/source';
import { loadAnswerFile } from '../../src/io/answer-file';
import { Definitions } from '../../src/io/definitions';
import { EXAMPLES, tempDir } from '../helpers/cli';

const EXAMPLE = path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml');
const dir = tempDir('zhizao-answer-file-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());
const write = (name: string, bytes: string | Buffer) => {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
};
const PDF = '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n';
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);

async function codes(file: string, defs = new Definitions()): Promise<string[]> {
  const r = await loadAnswerFile(file, defs, undefined, 'report');
  return 'answers' in r && r.answers ? ['answers'] : r.diagnostics.map((d) => d.code);
}

describe('loadAnswerFile', () => {
  it('reads the file once: no separate read of its first bytes', async () => {
    // the input is read synchronously (one readFileSync); the named imports of node:fs follow these spies once synced
    const spies = [vi.spyOn(fsp, 'open'), vi.spyOn(fsp, 'readFile'), vi.spyOn(fs, 'openSync'), vi.spyOn(fs, 'readFileSync')];
    syncBuiltinESMExports();
    try {
      expect(await codes(EXAMPLE)).toEqual(['answers']);
    } finally {
      vi.restoreAllMocks();
      syncBuiltinESMExports();
    }
    const ofExample = (calls: unknown[][]) => calls.filter((c) => typeof c[0] === 'string' && path.resolve(c[0]) === EXAMPLE).length;
    const [open, readFile, openSync, readFileSync] = spies.map((s) => ofExample(s.mock.calls));
    // (readFileSync may open the file through openSync itself: at most that one open)
    expect({ open, readFile, readFileSync, openAtMostOnce: openSync <= 1 }).toEqual({ open: 0, readFile: 0, readFileSync: 1, openAtMostOnce: true });
  });

  it('names a folder, a table, a document by its name or by its bytes, as before it is parsed', async () => {
    const folder = path.join(dir, 'answers');
    mkdirSync(folder, { recursive: true });
    expect(await codes(folder)).toEqual(['input.folder-not-answers']);
    expect(await codes(write('survey.csv', 'company,industry\n甲,discrete\n'))).toEqual(['input.table-not-answers']);
    expect(await codes(write('report.pdf', PDF))).toEqual(['input.document-not-answers']);
    expect(await codes(write('plant.zhizao.yaml', ZIP))).toEqual(['input.document-not-answers']);
    expect(await codes(path.join(dir, 'missing.zhizao.yaml'))).toEqual(['input.not-found']);
  });

  it('a file too large to read: a document under another name is still named by its first bytes', async () => {
    const small = new Definitions({ ...DEFAULT_LIMITS, maxBytes: 16 });
    expect(await codes(write('big.zhizao.yaml', PDF + ' '.repeat(64)), small)).toEqual(['input.document-not-answers']);
    expect(await codes(write('big-plain.zhizao.yaml', readFileSync(EXAMPLE)), small)).toEqual(['input.too-large']);
    expect(await codes(write('big.xlsx', 'x'.repeat(64)), small)).toEqual(['input.table-not-answers']);
  });
});
