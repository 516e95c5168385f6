// The line scan that locates an answer's value in plain answer YAML (src/core/yaml-fast.ts locateScalarEntry) must
// give the very position the `yaml` package gives (parseSource's locate), or batch would report a problem at a
// different place than `validate` does. Differential: random documents of the fast reader's subset, every path.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonEntry, locateScalarEntry, parseAnswerYaml } from '../../src/core/yaml-fast.js';
import { lazilyLocated, parseQuick, parseSource } from '../../src/core/source.js';

const KEYS = ['company', 'industry', 'has_mes', 'kpi_oee', 'design_tools', 'a-b', '_x', 'x1', 'answers', 'notes', 'date', 'yes'];
const VALUES = ['plain', '中文', '0', '7', '-1', '0.25', '1e3', 'true', 'null', '~', "'single'", '"double"', '""', '[a, b]', '[]', '{a: 1}', '{}', '2026-11-29', 'x # comment', '"q" # c', '', '|', '>-'];
const COMMENTS = ['', '# a comment', '  # indented comment', '   '];

interface Entry {
  key: string;
  value: string;
  nested: boolean;
  before: string;
}
const entry = fc.record({ key: fc.constantFrom(...KEYS), value: fc.constantFrom(...VALUES), nested: fc.boolean(), before: fc.constantFrom(...COMMENTS) });
const doc = fc.record({
  tops: fc.uniqueArray(fc.record({ key: fc.constantFrom(...KEYS), indent: fc.constantFrom(1, 2, 4), entries: fc.uniqueArray(entry, { maxLength: 8, selector: (e) => e.key }), inline: fc.constantFrom('', ' # c') }), {
    minLength: 1,
    maxLength: 4,
    selector: (t) => t.key,
  }),
  crlf: fc.boolean(),
});

function render(d: { tops: { key: string; indent: number; entries: Entry[]; inline: string }[]; crlf: boolean }): string {
  const lines: string[] = [];
  for (const t of d.tops) {
    lines.push(`${t.key}:${t.inline}`);
    const pad = ' '.repeat(t.indent);
    for (const e of t.entries) {
      if (e.before) lines.push(e.before);
      if (e.nested) lines.push(`${pad}${e.key}:`, `${pad}  inner: ${e.value || 'v'}`);
      else if (e.value === '|' || e.value === '>-') lines.push(`${pad}${e.key}: ${e.value}`, `${pad}  text one`, `${pad}  text two`);
      else lines.push(`${pad}${e.key}:${e.value ? ' ' + e.value : ''}`);
    }
  }
  return lines.join(d.crlf ? '\r\n' : '\n') + '\n';
}

/** Every [top, key] path of a document (plus missing ones): the scan agrees with `yaml` wherever it answers. */
function check(text: string): { answered: number } {
  const data = parseAnswerYaml(text) as Record<string, unknown> | undefined;
  if (data === undefined) return { answered: 0 };
  const slow = parseSource(text, 'x.yaml');
  expect(slow.ok).toBe(true);
  if (!slow.ok) return { answered: 0 };
  let answered = 0;
  for (const top of [...Object.keys(data), 'absent']) {
    const v = data[top];
    const keys = v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
    for (const key of [...keys, 'missing']) {
      const quick = locateScalarEntry(text, [top, key]);
      if (!quick) continue;
      answered++;
      expect({ path: [top, key], at: quick }).toEqual({ path: [top, key], at: slow.source.locate([top, key]) });
    }
  }
  return { answered };
}

describe('locating an answer in plain YAML by a line scan', () => {
  it('agrees with the yaml package on random documents of the fast reader subset', () => {
    let answered = 0;
    fc.assert(
      fc.property(doc, (d) => {
        answered += check(render(d)).answered;
      }),
      { numRuns: 250, seed: 19 },
    );
    // the scan must actually answer (not give up on everything)
    expect(answered).toBeGreaterThan(250);
  });

  it('agrees on the bundled examples, for every answer and respondent field', () => {
    for (const f of ['examples/discrete-machinery.zhizao.yaml', 'examples/process-food.zhizao.yaml']) expect(check(readFileSync(f, 'utf8')).answered).toBeGreaterThan(100);
  });

  it('is used by parseQuick only for text the fast reader accepted, and only for plain [section, key] paths', () => {
    const text = 'questionnaire: q\nanswers:\n  kpi_oee: 0.5\n  list: [a, b]\n';
    const parsed = parseQuick(text, 'x.yaml', { json: false });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.source.locate(['answers', 'kpi_oee'])).toEqual({ line: 3, column: 12 });
    // a one-line list is found by the scan, a key lookup goes through the yaml package: both as yaml gives them
    expect(parsed.source.locate(['answers', 'list'])).toEqual(parseSource(text, 'x.yaml').ok && (parseSource(text, 'x.yaml') as { source: { locate: (p: string[]) => unknown } }).source.locate(['answers', 'list']));
    expect(parsed.source.locate(['answers'], 'list')).toEqual({ line: 4, column: 3 });
    // without a reader named, lazilyLocated asks the yaml package
    const json = '{"answers": {"kpi_oee": 0.5}}';
    expect(lazilyLocated('x.json', JSON.parse(json), json).locate(['answers', 'kpi_oee'])).toEqual({ line: 1, column: 25 });
    expect(lazilyLocated('x.json', JSON.parse(json), json, undefined, 'json').locate(['answers', 'kpi_oee'])).toEqual({ line: 1, column: 25 });
  });
});

/** JSON: wherever the scan answers, `yaml` reads the text and gives the same position. */
function checkJson(text: string): number {
  const data = JSON.parse(text) as unknown;
  const slow = parseSource(text, 'x.json');
  let answered = 0;
  const tops = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
  for (const top of [...tops, 'absent']) {
    const v = (data as Record<string, unknown>)[top];
    const keys = v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
    for (const key of [...keys, 'missing']) {
      const quick = locateJsonEntry(text, [top, key]);
      if (!quick) continue;
      answered++;
      expect(slow.ok).toBe(true);
      if (slow.ok) expect({ path: [top, key], at: quick }).toEqual({ path: [top, key], at: slow.source.locate([top, key]) });
    }
  }
  return answered;
}

describe('locating an answer in JSON by a scan', () => {
  const scalar = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.string(), fc.constantFrom('中文', 'a"b', 'a\\b', 'line\nbreak', '{[', ':', ' # x'));
  const value = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'b', 'c d'), scalar, { maxKeys: 2 }) });
  const key = fc.oneof(fc.constantFrom(...KEYS, 'a:b', 'a b', '键', '"q"', 'back\\slash', '- x', '#', ''), fc.string({ maxLength: 6 }));
  const docs = fc.record({
    tops: fc.dictionary(fc.constantFrom('questionnaire', 'respondent', 'answers', 'notes', 'x'), fc.oneof(fc.dictionary(key, value, { maxKeys: 8 }), scalar), { minKeys: 1, maxKeys: 5 }),
    indent: fc.constantFrom(undefined, 0, 1, 2, 4),
  });

  it('agrees with the yaml package on random JSON, however indented', () => {
    let answered = 0;
    fc.assert(
      fc.property(docs, ({ tops, indent }) => {
        answered += checkJson(JSON.stringify(tops, null, indent));
      }),
      { numRuns: 300, seed: 19 },
    );
    expect(answered).toBeGreaterThan(300);
  });

  it('gives up where yaml could read the text differently', () => {
    for (const text of ['{"answers": {"a": 1, "a": 2}}', '{"answers": {"a"\n: 1}}', '{"answers":\t{"a": 1}}', '{"answers": {"\\u0061": 1}}', '\ufeff{"answers": {"a": 1}}', '{"answers": {"a":\n 1}}'])
      expect(locateJsonEntry(text, ['answers', 'a'])).toBeUndefined();
    expect(locateJsonEntry('{"answers": {"b": 2, "a": "x"}}', ['answers', 'a'])).toEqual({ line: 1, column: 27 });
    // a list or an object: at its opening bracket, as yaml gives it
    expect(locateJsonEntry('{"answers": {"a": [1, 2], "b": {"c": 1}}}', ['answers', 'a'])).toEqual({ line: 1, column: 19 });
    expect(locateJsonEntry('{"answers": {"a": [1, 2], "b": {"c": 1}}}', ['answers', 'b'])).toEqual({ line: 1, column: 32 });
  });

  it('agrees on generated answer files', () => {
    const text = JSON.stringify(JSON.parse(JSON.stringify(parseAnswerYaml(readFileSync('examples/discrete-machinery.zhizao.yaml', 'utf8')))), null, 1);
    expect(checkJson(text)).toBeGreaterThan(100);
  });
});
