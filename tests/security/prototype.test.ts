// Issue #11: `__proto__` and `constructor` keys anywhere in an answer file are harmless: loading, scoring and
// reporting in process leave Object.prototype untouched, and the CLI answers sanely.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResult } from '../../src/core/result.js';
import { parseSource } from '../../src/core/source.js';
import { resolveSource } from '../../src/io/answer-file.js';
import { Definitions } from '../../src/io/definitions.js';
import { buildReportData, reportJson } from '../../src/report/report-data.js';
import { renderMarkdown } from '../../src/report/render.js';
import { expectClean, runCli, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const BEFORE = protoKeys();
function expectUnpolluted() {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  expect(protoKeys()).toBe(BEFORE);
  expect(typeof probe.toString).toBe('function');
  expect(({} as { constructor: unknown }).constructor).toBe(Object);
}

const POISON = '{"polluted": "yes", "isAdmin": true, "toString": "x", "constructor": {"prototype": {"polluted": "deep"}}}';
const base = (extra: string) => `{"questionnaire": "smart-manufacturing", "respondent": {"company": "Proto Co", "industry": "discrete"}, ${extra}}`;

/** [name, file text, accepted?] — accepted files must still score; refused ones must be refused with a location. */
const FILES: [string, string, boolean][] = [
  ['top-level __proto__', base(`"__proto__": ${POISON}, "answers": {"has_mes": true}`), false],
  ['top-level constructor', base(`"constructor": ${POISON}`), false],
  ['respondent.__proto__', `{"questionnaire": "smart-manufacturing", "respondent": {"company": "P", "industry": "discrete", "__proto__": ${POISON}}}`, false],
  ['respondent.constructor', `{"questionnaire": "smart-manufacturing", "respondent": {"company": "P", "industry": "discrete", "constructor": {"prototype": {"polluted": 1}}}}`, false],
  ['answers.__proto__', base(`"answers": {"__proto__": ${POISON}, "has_mes": true}`), false],
  ['answers.__proto__ as a scalar', base(`"answers": {"__proto__": "full"}`), false],
  ['answers.constructor (a valid-looking question id)', base(`"answers": {"constructor": 5, "has_mes": true}`), true],
  ['answers.constructor as a map', base(`"answers": {"constructor": {"prototype": {"polluted": 1}}}`), false],
  ['notes.__proto__', base(`"notes": {"__proto__": {"text": "x", "internal": false}}`), false],
  ['notes.constructor', base(`"notes": {"constructor": {"text": "note on constructor"}, "has_mes": "plain note"}, "answers": {"has_mes": true}`), true],
  ['notes.prototype', base(`"notes": {"prototype": "x"}`), true],
  ['kpis.units.__proto__', base(`"kpis": {"units": {"__proto__": "元/件", "constructor": "件"}}`), true],
  ['kpis.units.__proto__ as a map', base(`"kpis": {"units": {"__proto__": ${POISON}}}`), false],
  ['overrides.recommendations.phase with __proto__/constructor', base(`"overrides": {"recommendations": {"phase": {"__proto__": "0-6m", "constructor": "6-18m"}, "drop": ["__proto__", "constructor"]}}`), true],
  ['overrides.recommendations.add with __proto__', base(`"overrides": {"recommendations": {"add": [{"title": "t", "__proto__": ${POISON}}]}}`), false],
  ['progress.__proto__', base(`"progress": {"__proto__": ${POISON}}`), false],
  ['YAML merge key into __proto__', 'questionnaire: smart-manufacturing\nrespondent: {company: P, industry: discrete}\nnotes:\n  __proto__: {polluted: yes}\n  <<: {polluted: yes}\n', false],
];

let defs: Definitions;
let dir: string;
beforeAll(async () => {
  defs = new Definitions();
  await defs.questionnaire();
  dir = tempDir('zhizao-proto-');
}, 60_000);

describe('prototype keys in answer files (in process)', () => {
  it.each(FILES)('%s', async (name, text, accepted) => {
    const parsed = parseSource(text, 'proto.json');
    expectUnpolluted();
    expect(parsed.ok, name).toBe(true);
    if (!parsed.ok) return;
    const loaded = await resolveSource(parsed.source, defs);
    expectUnpolluted();
    expect(Boolean('answers' in loaded && loaded.answers), `${name}: ${JSON.stringify(loaded.diagnostics.map((d) => d.code))}`).toBe(accepted);
    if (!('answers' in loaded) || !loaded.answers) {
      expect(loaded.diagnostics.some((d) => d.severity === 'error' && d.line >= 1 && d.column >= 1)).toBe(true);
      return;
    }
    const result = buildResult(loaded.questionnaire, loaded.answers, await defs.profile(), await defs.targets());
    expect(Number.isFinite(result.maturity.score)).toBe(true);
    const rules = await defs.rules('default', loaded.questionnaire);
    const readiness = await Promise.all(['smart-workshop', 'smart-factory'].map((id) => defs.readiness(id, loaded.questionnaire)));
    for (const audience of ['client', 'office'] as const) {
      const data = buildReportData({ questionnaire: loaded.questionnaire, answers: loaded.answers, result, rules, readiness, wording: await defs.wording(), policy: await defs.policy(), audience, tool: 'test' });
      const json = JSON.stringify(reportJson(data, audience));
      expect(json).not.toMatch(/polluted/);
      const md = renderMarkdown(data.model, { lang: 'both' });
      expect(md).not.toMatch(/polluted|\[object Object\]|native code/);
    }
    expectUnpolluted();
  });
});

describe('prototype keys in answer files (CLI)', () => {
  it.each(FILES.filter((_, i) => i % 2 === 0))('%s: score --json answers sanely', async (name, text, accepted) => {
    const f = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
    (await import('node:fs')).writeFileSync(f, text);
    const r = runCli(['score', path.basename(f), '--json'], { cwd: dir });
    expectClean(r, expect);
    expect(r.code, r.stderr).toBe(accepted ? 0 : 1);
    if (accepted) {
      const out = JSON.parse(r.stdout);
      expect(['P', 'Proto Co']).toContain(out.respondent.company);
      expect(JSON.stringify(out)).not.toMatch(/polluted/);
    } else expect(r.stderr).toMatch(/^\S+\.json:\d+:\d+ error /m);
  });
});
