import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineSpool, spooledLines } from '../../src/io/line-spool';

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

  it('appends lines given as UTF-8 bytes that already end in newlines (a worker\'s problems), whole and in order', () => {
    const file = path.join(dir, 'lines-bytes.ndjson');
    const spool = new LineSpool(file);
    let expected = '';
    for (let i = 0; i < 500; i++) {
      const text = i % 53 === 0 ? `{"big":"${'郑'.repeat(40_000 + i)}"}\n` : `{"i":${i}}\n{"company":"郑州测试企业${i}"}\n`;
      expected += text;
      if (i % 2) spool.lines(new TextEncoder().encode(text));
      else for (const line of text.slice(0, -1).split('\n')) spool.line(line);
    }
    spool.close();
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('spooledLines reads the lines back as bytes, in order, across reads and longer than its buffer, skipping empty lines', async () => {
    const file = path.join(dir, 'read.ndjson');
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(i % 401 === 0 ? `{"big":"${'郑'.repeat(200_000 + i)}"}` : `{"company":"郑州测试企业${i}😀"}`);
    // an empty line inside, and the last line without its newline
    writeFileSync(file, `${lines.slice(0, 10).join('\n')}\n\n${lines.slice(10).join('\n')}`);
    const read: string[] = [];
    for await (const bytes of spooledLines(file)) read.push(Buffer.from(bytes).toString('utf8'));
    expect(read).toEqual(lines);
    writeFileSync(file, '');
    for await (const _ of spooledLines(file)) expect.unreachable();
  });

  it('abandon closes without writing what is buffered', () => {
    const file = path.join(dir, 'abandoned.ndjson');
    const spool = new LineSpool(file);
    spool.line('{"a":1}');
    spool.abandon();
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
