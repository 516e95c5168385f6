// Park-level recommendations (the rules of retrofit level "park") are for parks: the batch summary gives them for all
// companies, and per group only when the groups are parks (--group-by park), never per district or sector.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

const EXAMPLE = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
let dir: string;

beforeAll(() => {
  dir = tempDir('zhizao-batch-park-');
  mkdirSync(path.join(dir, 'in'));
  // ten companies of the example (level 1): five in each of two parks, the parks spread over two districts
  for (let i = 0; i < 10; i++) {
    const y = EXAMPLE.replace(/^ {2}company: .*$/m, `  company: 园区企业${i}`)
      .replace(/^ {2}credit_code: .*\n/m, '')
      .replace(/^ {2}district: .*$/m, `  district: "${i % 2 ? '410122' : '410183'}"`)
      .replace(/^ {2}park: .*$/m, `  park: ${i < 5 ? 'A 产业园' : 'B 产业园'}`);
    writeFileSync(path.join(dir, 'in', `p${i}.zhizao.yaml`), y);
  }
});

const groupsOf = (by: string) => {
  const r = zhizao(['batch', 'in', '--group-by', by, '--json', '--lang', 'zh'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as { summary: { parkRecommendations?: { group: string; recommendations: { id: string }[] }[] } };
  return (out.summary.parkRecommendations ?? []).map((g) => [g.group, g.recommendations.length > 0] as const);
};

describe('batch: park-level recommendations', { timeout: 120_000 }, () => {
  it('grouped by park: for all companies and for each park', () => {
    expect(groupsOf('park')).toEqual([
      ['all', true],
      ['A 产业园', true],
      ['B 产业园', true],
    ]);
  });

  it('grouped by district: for all companies only (a district is not a park)', () => {
    expect(groupsOf('district')).toEqual([['all', true]]);
  });
});
