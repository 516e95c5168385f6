import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseAnswerYaml } from '../../src/core/yaml-fast';
import { ROOT } from '../helpers/cli';

const yamlParse = (t: string) => parse(t, { uniqueKeys: true, strict: true, prettyErrors: false, logLevel: 'error', maxAliasCount: 100 });
/** Where the fast reader gives an answer, it must be yaml's; where yaml fails, the fast reader must give up. */
function agrees(text: string): boolean {
  const fast = parseAnswerYaml(text);
  if (fast === undefined) return true;
  let slow: unknown;
  try {
    slow = yamlParse(text);
  } catch {
    throw new Error(`fast reader accepted what yaml refuses:\n${text}`);
  }
  expect(fast).toEqual(slow);
  expect(Object.is(fast, slow) || JSON.stringify(fast) === JSON.stringify(slow)).toBe(true);
  return true;
}

describe('fast answer-file YAML reader', () => {
  it('reads the example and fixture answer files exactly as yaml does', () => {
    const dirs = [path.join(ROOT, 'examples'), path.join(ROOT, 'tests', 'fixtures', 'batch', 'answers')];
    let accepted = 0;
    for (const d of dirs)
      for (const f of readdirSync(d).filter((n) => /\.ya?ml$/.test(n))) {
        const text = readFileSync(path.join(d, f), 'utf8');
        if (parseAnswerYaml(text) !== undefined) accepted++;
        agrees(text);
      }
    expect(accepted).toBeGreaterThanOrEqual(4);
  });

  it('handles the answer-file shapes', () => {
    const text = [
      '# comment',
      'questionnaire: smart-manufacturing   # id',
      'version: "1"',
      'respondent:',
      '  company: 郑州（示例）有限公司',
      "  site: 'it''s'",
      '  interviewees:',
      '  - 李工',
      '  - "赵 经理"',
      '  retrofit_status: {status: in-progress, year: 2026}',
      '  above_designated_size: true',
      'answers:',
      '  a: [cad2d, cad3d]',
      '  b: 0.5',
      '  c: -3',
      '  d: ~',
      '  e:',
      '  f: 2026-11-29',
      '  g: n/a',
      '  h: "\\u4e2d\\n"',
      '  i: []',
      '  j: 0x1F',
      '  k: 1e3',
      'notes:',
      '  a:',
      '    text: x',
      '    internal: true',
    ].join('\n');
    expect(parseAnswerYaml(text)).toEqual(yamlParse(text));
    expect(parseAnswerYaml(text)).toMatchObject({ respondent: { interviewees: ['李工', '赵 经理'], retrofit_status: { status: 'in-progress', year: 2026 } }, answers: { e: null, j: 31, k: 1000 } });
  });

  it('gives up on what it does not handle', () => {
    for (const t of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |\n  x\n\n  y\n', 'a: >\n  x\n    y\n', 'a: foo\n  bar\n', '---\na: 1\n', 'a: 1\na: 2\n', 'a:\tb\n', '- a\n', 'a: [[1]]\n', 'a: b: c\n', '__proto__: 1\n', 'a: .inf\n', 'a: "\\x41"\n'])
      expect(parseAnswerYaml(t)).toBeUndefined();
  });

  it.each([
    'a: >-\n  one two\n  three\nb: 1\n',
    'a: >\n  one\n  two\n\nb: 1\n',
    'a: |\n  x: 1\n  # not a comment\nb: [1, 2]\n',
    'a: |-\n    deep\n    lines\n',
    'r:\n  k: >-\n    folded text\n    more\n  j: 2\n',
  ])('reads simple block scalars as yaml does: %j', (t) => {
    expect(parseAnswerYaml(t)).toEqual(parse(t));
  });

  it('reads both example answer files (they use folded block scalars) exactly as yaml does', () => {
    for (const f of ['examples/discrete-machinery.zhizao.yaml', 'examples/process-food.zhizao.yaml']) {
      const t = readFileSync(f, 'utf8');
      expect(parseAnswerYaml(t), f).toEqual(parse(t));
    }
  });

  it('agrees with yaml on random documents of the subset and around it', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/);
    const scalarText = fc.oneof(
      fc.constantFrom('true', 'False', 'null', '~', '', '0', '-0', '+12', '012', '1.5', '.5', '1e3', '1.', '0o17', '0x1f', '0xZZ', '2026-11-29', 'n/a', 'unknown', '不清楚', '-cmd', '- x', ': x', 'a: b', 'a #b', 'a#b', '#x', '"q"', "'s''t'", '"a\\"b"', '[1, 2]', '[a, "b c", 3]', '{s: done, y: 2026}', '[]', '{}', '&a x', '*a', '!t x', '|', '>', '@x', '`x', '%x', '?x', ',x', 'x,y', 'é', '中文 文字'),
      fc.string({ maxLength: 8 }),
    );
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('', '  ', '    ', '   '), key, scalarText).map(([i, k, v]) => `${i}${k}: ${v}`),
      fc.tuple(fc.constantFrom('', '  ', '    '), key).map(([i, k]) => `${i}${k}:`),
      fc.tuple(fc.constantFrom('', '  ', '    '), scalarText).map(([i, v]) => `${i}- ${v}`),
      fc.constantFrom('# c', '', '  # c'),
    );
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => agrees(lines.join('\n') + '\n')), { numRuns: 3000 });
  });
});
