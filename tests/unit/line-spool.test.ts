import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineSpool } from '../../src/io/line-spool';

describe('LineSpool: the batch spool written line by line through one buffer', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhizao-spool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every line whole and in order, across buffer boundaries, in any script and at any length', () => {
    const file = path.join(dir, 'lines.ndjson');
    const spool = new LineSpool(file);
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const line = i % 97 === 0 ? `{"big":"${'郑'.repeat(30_000 + i)}"}` : i % 7 === 0 ? `{"company":"郑州测试企业${i}😀"}` : `{"i":${i}}`;
      lines.push(line);
      spool.line(line);
    }
    spool.close();
    spool.close(); // a second close does nothing
    expect(readFileSync(file, 'utf8')).toBe(lines.map((l) => `${l}\n`).join(''));
  });

  it('writes lines given as UTF-8 bytes (records a worker encoded) in order with the lines given as text', () => {
    const file = path.join(dir, 'bytes.ndjson');
    const spool = new LineSpool(file);
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const line = i % 89 === 0 ? `{"big":"${'郑'.repeat(25_000 + i)}"}` : `{"company":"郑州测试企业${i}"}`;
      lines.push(line);
      if (i % 3) spool.bytes(new TextEncoder().encode(line));
      else spool.line(line);
    }
    spool.close();
    expect(readFileSync(file, 'utf8')).toBe(lines.map((l) => `${l}\n`).join(''));
  });

  it('abandon closes without writing what is buffered', () => {
    const file = path.join(dir, 'abandoned.ndjson');
    const spool = new LineSpool(file);
    spool.line('{"a":1}');
    spool.abandon();
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
