import { describe, expect, it } from 'vitest';
import { QuestionMap } from '../../src/core/question-map';

describe('QuestionMap: a plant\'s values by question index, read as a Map', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `q${i}`);
  const index = new Map(ids.map((id, i) => [id, i]));

  it('behaves as a Map given the same sets (values, size, insertion order, re-set keeps the first position)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      let x = seed;
      const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const m = new QuestionMap<string>(ids, index);
      const ref = new Map<string, string>();
      for (let k = 0; k < 60; k++) {
        const i = Math.floor(rnd() * ids.length);
        const v = `v${k}`;
        m.setAt(i, v);
        ref.set(ids[i]!, v);
      }
      expect([...m]).toEqual([...ref]);
      expect([...m.keys()]).toEqual([...ref.keys()]);
      expect([...m.values()]).toEqual([...ref.values()]);
      expect(m.size).toBe(ref.size);
      for (const id of [...ids, 'not-a-question']) {
        expect(m.get(id)).toBe(ref.get(id));
        expect(m.has(id)).toBe(ref.has(id));
      }
      const seen: [string, string][] = [];
      m.forEach((v, k) => seen.push([k, v]));
      expect(seen).toEqual([...ref]);
      expect(Array.from({ length: m.size }, (_, k) => ids[m.indexAt(k)])).toEqual([...ref.keys()]);
    }
  });
});
