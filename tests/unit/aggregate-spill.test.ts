// Flat memory in batch. The per-company aggregates of a batch keep only the chunk being filled (and one read back) in memory; full chunks
// go to a spill (a file in the batch's spool). What is read back must be what was stored, in any order of reading.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AggregateStore, packAggregate, type ChunkSpill, type CompanyAggregate, type SummaryLayout } from '../../src/core/batch/aggregate';
import { PlantRegistry, shortKey } from '../../src/core/batch/supersede';

const layout: SummaryLayout = {
  sections: [{ id: 's', title: { zh: 's', en: 's' } }],
  indicators: [{ id: 'i', title: { zh: 'i', en: 'i' }, kind: 'ratio' }],
} as unknown as SummaryLayout;

function aggregate(i: number): CompanyAggregate {
  return { level: i % 6, score: i / 7, sections: [i % 3 ? i / 11 : null], values: [i % 5 ? i / 13 : null], met: [i % 2 === 0], unknown: [i % 5 === 0], uses: i % 4 === 0 ? null : i % 3 === 0, ...(i % 9 ? { group: `g${i % 9}` } : {}), ...(i % 2 ? { year: 2020 + (i % 7) } : {}) };
}

describe('aggregate store with a spill', () => {
  it('gives back every company, sequentially and at random, across many chunks; memory holds at most two chunks', () => {
    const saved = new Map<number, Float64Array>();
    let loads = 0;
    const spill: ChunkSpill = {
      save: (index, chunk) => {
        expect(saved.has(index)).toBe(false); // each full chunk is saved once
        saved.set(index, chunk.slice());
      },
      load: (index, into) => {
        loads++;
        into.set(saved.get(index)!);
      },
    };
    const n = 4096 * 3 + 17;
    const store = new AggregateStore(layout, spill);
    const plain = new AggregateStore(layout);
    for (let i = 0; i < n; i++) {
      store.push(aggregate(i));
      plain.push(aggregate(i));
    }
    expect(saved.size).toBe(3);
    expect([...store.entries()]).toEqual([...plain.entries()]);
    for (const seq of [5, n - 1, 4096, 0, 9000, 4095, n - 2, 12_287, 3]) {
      expect(store.get(seq)).toEqual(plain.get(seq));
      expect(store.levelAt(seq)).toBe(plain.levelAt(seq));
      expect(store.indicatorAt(seq, 0)).toEqual(plain.indicatorAt(seq, 0));
      expect(store.stringAt(seq, 'group')).toBe(plain.stringAt(seq, 'group'));
    }
    expect(loads).toBeGreaterThan(0);
    // entries() that skip companies give the same as without a spill
    expect([...store.entries((s) => s % 3 === 0)]).toEqual([...plain.entries((s) => s % 3 === 0)]);
  });

  it('stores an aggregate packed in a worker (packAggregate) as it stores the aggregate itself', () => {
    const wide = { ...layout, facts: ['f1', 'f2'], readiness: ['r'] } as SummaryLayout;
    const full = (i: number): CompanyAggregate => ({ ...aggregate(i), facts: [i, null], ready: [i % 2 === 0], provisional: i % 3 === 0, ...(i % 4 ? { date: 20260101090000 + i, assessed: true } : {}), ...(i % 5 === 1 ? { excluded: [true], district: `d${i % 4}`, region: '中原区', cls: 'A', retrofit: 'done', scale: i % 2 === 0 } : {}) });
    const packed = new AggregateStore(wide);
    const plain = new AggregateStore(wide);
    for (let i = 0; i < 200; i++) {
      expect(packed.pushPacked(packAggregate(wide, full(i)))).toBe(plain.push(full(i)));
    }
    expect([...packed.entries()]).toEqual([...plain.entries()]);
    expect(() => packed.pushPacked(packAggregate(layout, full(0)))).toThrow(/aggregate row/);
  });
});

/** The registry as it was, with string keys in a Map (the typed registry must decide exactly the same). */
class MapRegistry {
  /** Hashed key → plant number (-1: a name shared by plants with different codes, matched by code only). */
  private readonly keys = new Map<string, number>();
  private readonly seqs: number[] = [];
  private readonly dates: number[] = [];
  private readonly coded: boolean[] = [];
  readonly superseded = new Set<number>();
  /** Plants seen more than once: plant number → sequence numbers in input order. */
  readonly duplicates = new Map<string, number[]>();
  /** Plants (as in `duplicates`) matched across a row with and a row without a credit code. */
  readonly matchedByName = new Set<string>();

  /** Register company `seq` (input order) with its keys (identity.ts plantKeys). */
  add(seq: number, ids: { code?: string; name?: string } | undefined, date: number): void {
    if (!ids || (ids.code === undefined && ids.name === undefined)) return;
    const ck = ids.code !== undefined ? shortKey(ids.code) : undefined;
    const nk = ids.name !== undefined ? shortKey(ids.name) : undefined;
    let pid = ck !== undefined ? this.keys.get(ck) : undefined;
    let byName = false;
    if (pid === undefined && nk !== undefined) {
      const p = this.keys.get(nk);
      // A row with a code joins a plant of the same name only if that plant has no code yet.
      if (p !== undefined && p >= 0 && (ck === undefined || !this.coded[p])) {
        pid = p;
        byName = ck !== undefined || this.coded[p]!;
      }
    }
    if (pid === undefined) {
      const id = this.seqs.length;
      this.seqs.push(seq);
      this.dates.push(date);
      this.coded.push(ck !== undefined);
      if (ck !== undefined) this.keys.set(ck, id);
      if (nk !== undefined) {
        const p = this.keys.get(nk);
        this.keys.set(nk, p === undefined ? id : -1);
      }
      return;
    }
    if (ck !== undefined && !this.keys.has(ck)) {
      this.keys.set(ck, pid);
      this.coded[pid] = true;
    }
    if (nk !== undefined && !this.keys.has(nk)) this.keys.set(nk, pid);
    const key = String(pid);
    if (byName) this.matchedByName.add(key);
    const members = this.duplicates.get(key) ?? [this.seqs[pid]!];
    members.push(seq);
    this.duplicates.set(key, members);
    if (date >= this.dates[pid]!) {
      this.superseded.add(this.seqs[pid]!);
      this.seqs[pid] = seq;
      this.dates[pid] = date;
    } else this.superseded.add(seq);
  }

  isSuperseded(seq: number): boolean {
    return this.superseded.has(seq);
  }

  /** The current sequence number of the plant a key belongs to. */
  currentOf(key: string): number | undefined {
    const p = this.keys.get(shortKey(key));
    return p === undefined || p < 0 ? undefined : this.seqs[p];
  }
}

describe('plant registry in typed arrays', () => {
  it('decides superseding, duplicates and name matches exactly as the Map-based registry (random batches, past the first growth)', () => {
    const entry = fc.record({ code: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }), name: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }), date: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4000 }), (rows) => {
        const a = new PlantRegistry();
        const b = new MapRegistry();
        rows.forEach((r, seq) => {
          const ids = { ...(r.code !== undefined ? { code: `9141${r.code}` } : {}), ...(r.name !== undefined ? { name: `公司${r.name}` } : {}) };
          a.add(seq, ids, r.date);
          b.add(seq, ids, r.date);
        });
        expect([...a.superseded].sort()).toEqual([...b.superseded].sort());
        expect([...a.duplicates]).toEqual([...b.duplicates]);
        expect([...a.matchedByName]).toEqual([...b.matchedByName]);
        for (let k = 0; k < 40; k++) expect(a.currentOf(`公司${k}`)).toBe(b.currentOf(`公司${k}`));
      }),
      { numRuns: 25, seed: 19 },
    );
  });
});
