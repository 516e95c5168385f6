import { describe, expect, it } from 'vitest';
import { byId } from '../../src/core/ids';

describe('byId: the order of definition ids without a collator', () => {
  it('orders ids of lowercase letters, digits and "-" as localeCompare does (5,000 random pairs, and prefixes)', () => {
    let x = 7;
    const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31) % n);
    const chars = 'abcdefghijklmnopqrstuvwxyz0123456789-';
    const id = () => Array.from({ length: 1 + rnd(12) }, (_, i) => (i === 0 ? chars[rnd(36)] : chars[rnd(37)])).join('');
    for (let k = 0; k < 5000; k++) {
      const a = id();
      const b = k % 5 === 0 ? a + id() : id();
      expect([a, b, Math.sign(byId(a, b))]).toEqual([a, b, Math.sign(a.localeCompare(b))]);
    }
  });
});
