// Differential fuzz of the batch engineer's fast YAML reader (src/core/yaml-fast.ts) against the `yaml`
// package as zhizao uses it (src/core/source.ts parseSource): whatever the fast reader accepts must be read
// exactly as `score` and `validate` read it, or batch and score judge the same answer file differently.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswerYaml } from '../../src/core/yaml-fast.js';
import { parseSource } from '../../src/core/source.js';
import { runs, SEED } from './setup.js';

/** undefined when equal (numbers by value, so -0 equals 0); else where they differ. */
function difference(a: unknown, b: unknown, at = ''): string | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b)) ? undefined : `${at || '/'}: ${a} vs ${b}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? undefined : `${at || '/'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at || '/'}: list vs map`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (JSON.stringify(ka) !== JSON.stringify(kb)) return `${at || '/'}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`);
    if (d) return d;
  }
  return undefined;
}

/** The verdict of the oracle: fast reader gave up, or agrees with `yaml`, or a description of the disagreement. */
function compare(text: string): string | undefined {
  const fast = parseAnswerYaml(text);
  if (fast === undefined) return undefined;
  const slow = parseSource(text, 'x.yaml');
  if (!slow.ok) return `fast reader accepted, yaml refused: ${slow.diagnostics.map((d) => `${d.code} ${d.args.detail ?? ''}`).join('; ')}`;
  return difference(fast, slow.source.data);
}

const KEYS = ['company', 'industry', 'has_mes', 'design_tools', 'a-b', '_x', 'constructor', 'toString', 'x1', 'answers', 'notes', 'null', 'Null', 'NULL', 'true', 'True', 'false', 'FALSE', 'yes', 'on', 'y', 'n'];
const SCALARS = [
  'plain', 'two words', '中文 文字', '0', '7', '007', '-0', '+1', '-1', '1.', '.5', '-.5', '+.5', '1e5', '1E-3', '1e400', '0o17', '0O17', '0x1F', '0X1F', '+0x1F', '1_000', '1,000', '.inf', '-.Inf', '.NaN',
  'true', 'True', 'TRUE', 'tRUE', 'false', 'null', 'Null', '~', 'yes', 'no', 'on', 'off', 'a:b', 'a :b', 'a#b', 'a #b', 'x -', '-x', '--x', '-', '.', '..', '...x', '@x', '`x`', '%x', '!x', '&a x', '*a',
  "'single'", "'it''s'", "''", '"double"', '""', '"tab\\tx"', '"\\u00e9"', '"\\u0041\\u4e2d"', '"\\x41"', '"\\/"', '"\\0"', '"a\\\\b"', '"\\ud800"', "'a' # c", '"a" x',
  '[]', '{}', '[a, b]', '[ a , b ]', '[1, -2, 0x10]', "['q', \"d\"]", '[a, [b]]', '[a: b]', '{a: 1}', '{a: 1, b: two}', '{a: 1, a: 2}', '{"a": 1}', '{a: [1]}', '{null: 1}', '{true: 1, True: 2}', '[a,]', '[,a]',
  '2026-11-29', '12:30', '1:20:30', '0.1.2', 'é', 'x # comment', '#notcomment', '|', '>', '? x',
];

/** Answer-file-like YAML: nested maps, compact and indented lists, flow collections, comments, odd scalars. */
const yamlText = fc
  .array(
    fc.record({
      key: fc.constantFrom(...KEYS),
      kind: fc.constantFrom('scalar', 'scalar', 'scalar', 'map', 'list', 'empty'),
      value: fc.constantFrom(...SCALARS),
      items: fc.array(fc.record({ key: fc.constantFrom(...KEYS), value: fc.constantFrom(...SCALARS) }), { minLength: 1, maxLength: 4 }),
      indent: fc.constantFrom(2, 2, 4, 1),
      compact: fc.boolean(),
      comment: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((entries) =>
    entries
      .map((e) => {
        const pad = ' '.repeat(e.indent);
        const c = e.comment ? '   # note' : '';
        switch (e.kind) {
          case 'scalar':
            return `${e.key}: ${e.value}${c}`;
          case 'empty':
            return `${e.key}:${c}`;
          case 'map':
            return `${e.key}:${c}\n${e.items.map((i) => `${pad}${i.key}: ${i.value}`).join('\n')}`;
          default:
            return `${e.key}:\n${e.items.map((i) => `${e.compact ? '' : pad}- ${i.value}`).join('\n')}`;
        }
      })
      .join('\n') + '\n',
  );

describe('batch fast YAML reader agrees with yaml (differential)', () => {
  it('the example-shaped subset: same data whenever the fast reader accepts (seeded)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(yamlText, (text) => {
        if (parseAnswerYaml(text) !== undefined) accepted++;
        const d = compare(text);
        // Known divergence (null/boolean keys) has its own failing test below; look for others.
        if (d && /(^|[\s{,])(null|Null|NULL|true|True|TRUE|false|False|FALSE)\s*:/m.test(text)) return;
        expect(d, text).toBeUndefined();
      }),
      { seed: SEED, numRuns: runs(1500) },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  // BUG (src/core/yaml-fast.ts): keys are taken as strings without core-schema resolution. `yaml` reads the
  // key `null` (also `Null`, `NULL`, `~`) as the null key, which becomes "" in a JS object, and `true`/`True`/
  // `TRUE` as one boolean key — so `null:` and `Null:` in one map are duplicates for `yaml` (an error) but two
  // keys for the fast reader, and `null: x` is key "" for `score` but "null" for `batch`: the same file can be
  // refused by `zhizao score` and accepted by `zhizao batch`. Fix: in parseOrThrow and in value()'s flow-map
  // branch, give up (fail()) when the key is one of null/Null/NULL/true/True/TRUE/false/False/FALSE (KEY already
  // excludes `~`), so that `yaml` handles those files.
  it.each([
    ['answers:\n  null: 1\n'],
    ['answers:\n  null: 1\n  Null: 2\n'],
    ['answers:\n  true: 1\n  True: 2\n'],
    ['respondent: {null: x}\n'],
    ['False: 1\nfalse: 2\n'],
  ])('BUG: null/boolean keys are read as yaml reads them: %j', (text) => {
    expect(compare(text)).toBeUndefined();
  });
});
