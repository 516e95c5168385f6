/**
 * Tracks which assessment of each plant is current. The newest assessment (date, then time of day) wins; on equal
 * dates (or none) the later input wins. A plant is found by its credit code + site, or by its name + site — so the
 * same plant given once with and once without a credit code is one plant (reported as matched by name); two
 * different codes under one name are two plants. Memory: two small keys and three numbers per plant, plus lists
 * only for plants seen more than once.
 */
export class PlantRegistry {
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

/** 64-bit FNV-1a of the key, as 11 base-36 characters (collisions: about 1 in 10^9 at 100,000 plants). */
export function shortKey(key: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(36).padStart(7, '0') + h2.toString(36);
}
