import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputList } from '../../src/io/input-list';
import { displayPath } from '../../src/io/paths';
import { SampleFiles, unitsOf } from '../../src/app/batch/inputs';

describe('InputList: the batch inputs held compactly', () => {
  const dir = path.resolve('some', 'folder');
  const build = () => {
    const list = new InputList();
    for (let i = 0; i < 1000; i++) list.addFile(path.join(dir, `part-${Math.floor(i / 100)}`), `plant-${i}.yaml`, 'answer');
    list.add(path.join(dir, 'gone.yaml'), 'missing');
    list.add('data/*.csv', 'no-match', 'data/*.csv');
    list.addFile(dir, 'old.xls', 'binary-spreadsheet');
    return list;
  };

  it('gives back every input in order: path, displayed path and kind', () => {
    const list = build();
    expect(list.length).toBe(1003);
    expect(list.at(0)).toEqual({ path: path.join(dir, 'part-0', 'plant-0.yaml'), shown: displayPath(path.join(dir, 'part-0', 'plant-0.yaml')), kind: 'answer' });
    expect(list.at(999).path).toBe(path.join(dir, 'part-9', 'plant-999.yaml'));
    expect(list.at(1000)).toEqual({ path: path.join(dir, 'gone.yaml'), shown: displayPath(path.join(dir, 'gone.yaml')), kind: 'missing' });
    // a pattern that matched nothing is shown as typed, not as a path
    expect(list.at(1001)).toEqual({ path: 'data/*.csv', shown: 'data/*.csv', kind: 'no-match' });
    expect(list.kindAt(1002)).toBe('binary-spreadsheet');
    expect([...list].map((x) => x.path)).toEqual(Array.from({ length: 1003 }, (_, i) => list.pathAt(i)));
    expect([...list.kinds()].filter((k) => k.kind === 'answer')).toHaveLength(1000);
  });

  it('gives back names in any script exactly, past the first buffer: Chinese, an emoji, a lone surrogate, an empty one', () => {
    const names = ['郑州测试企业·第一车间.zhizao.yaml', 'plant-😀.yaml', 'bad-\uD800-name.yaml', 'a'.repeat(5000) + '.json', '', 'Ünïcødé.yml'];
    const list = new InputList();
    for (let round = 0; round < 3; round++) for (const n of names) list.addFile(dir, `${round}${n}`, 'answer');
    expect(list.length).toBe(18);
    for (let round = 0; round < 3; round++)
      names.forEach((n, k) => {
        const i = round * names.length + k;
        expect(list.pathAt(i)).toBe(path.join(dir, `${round}${n}`));
        expect(list.kindAt(i)).toBe('answer');
      });
    expect(list.filter(() => true).pathAt(8)).toBe(path.join(dir, `1${names[2]}`));
  });

  it('filter keeps the order and what each kept input is', () => {
    const list = build();
    const kept = list.filter((i) => i % 2 === 1);
    expect(kept.length).toBe(501);
    expect(kept.at(0).path).toBe(list.pathAt(1));
    expect(kept.at(500)).toEqual(list.at(1001));
  });

  it('units are built when asked for: answer files as they are, unreadable inputs as rejections with their reason', () => {
    const units = unitsOf(build());
    expect(units.length).toBe(1003);
    expect(units.at(5)).toEqual({ index: 5, path: path.join(dir, 'part-0', 'plant-5.yaml'), shown: displayPath(path.join(dir, 'part-0', 'plant-5.yaml')), kind: 'answer' });
    expect(units.at(1000)).toMatchObject({ index: 1000, kind: 'reject', code: 'input.not-found' });
    expect(units.at(1001)).toMatchObject({ kind: 'reject', code: 'input.no-match', shown: 'data/*.csv' });
    expect(units.at(1002)).toMatchObject({ kind: 'reject', code: 'input.binary-spreadsheet', args: { ext: '.xls' } });
  });

  it('SampleFiles counts each input once (a table arrives in parts) and keeps the first ten', () => {
    const s = new SampleFiles();
    let asked = 0;
    for (let i = 0; i < 25; i++)
      for (let part = 0; part < 3; part++)
        s.add(i, () => {
          asked++;
          return `f${i}`;
        });
    expect(s.count).toBe(25);
    expect(s.first).toEqual(Array.from({ length: 10 }, (_, i) => `f${i}`));
    expect(asked).toBe(10); // names are only built for the ten shown
  });
});

describe('InputList: paths that folder + name do not give back are kept whole', () => {
  it('a trailing separator (as a Windows share root \\\\server\\share\\ would be split wrongly)', () => {
    const list = new InputList();
    const p = `${path.resolve('x')}${path.sep}`;
    list.add(p, 'empty-folder');
    expect(list.pathAt(0)).toBe(p);
    expect(list.shownAt(0)).toBe(displayPath(p));
  });
});
