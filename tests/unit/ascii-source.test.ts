// scripts/ascii-source.mjs: the built code written as ASCII text means what it meant, or the build fails.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { asciiSource } from '../../scripts/ascii-source.mjs';

const ascii = asciiSource as (code: string, file: string) => string;
/** What a script leaves in `out`. */
const run = (code: string): unknown => {
  const ctx: { out?: unknown } = {};
  runInNewContext(code, ctx);
  return ctx.out;
};

describe('asciiSource: built code as ASCII text', () => {
  it.each([
    ['Chinese strings, template text and object keys', 'const t = `企业${1}`; out = ["中文", t, { 是: 1 }.是];'],
    ['an escaped non-ASCII character (identity escape) and an escaped backslash before one', 'out = ["\\中", "\\\\中", "\\\\\\中"];'],
    ['emoji (surrogate pairs) in strings', 'out = ["📎 证据", "💾".length];'],
    ['regular expressions with and without the u flag, classes included', 'out = [/[；;\\n]/.test("a；b"), /^[、]+$/u.test("、、"), /📎/u.test("x📎"), "a、b；c".split(/[、；]/)];'],
    ['a comment with Chinese text', '// 注释：不影响\nout = 1;'],
  ])('%s: the same values', (_, code) => {
    const out = ascii(code, 'case.js');
    expect(/[^\x00-\x7f]/.test(out)).toBe(false);
    expect(run(out)).toEqual(run(code));
  });

  it('leaves ASCII code as it is', () => {
    const code = 'out = "plain";';
    expect(ascii(code, 'plain.js')).toBe(code);
  });

  it.each([
    ['a tagged template with non-ASCII text (String.raw would see the escapes)', 'out = String.raw`中`;', /tagged template/],
    ['a line separator ending a // comment', 'out = 0;// x\u2028 out = 1;', /would not mean the same/],
    ['a line separator continuing a string', 'out = "a\\\u2028b";', /would not mean the same/],
    ['non-ASCII white space between tokens', 'out = 1;\u3000out = 2;', /no longer parses/],
    ['an identifier outside the BMP', 'var 𠮷 = 1; out = 𠮷;', /no longer parses/],
  ])('fails the build on %s', (_, code, message) => {
    expect(() => ascii(code, 'bad.js')).toThrow(message);
  });
});
