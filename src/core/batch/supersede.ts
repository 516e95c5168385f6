/**
 * Tracks which assessment of each plant is current. The newest respondent.date wins; on equal dates (or none)
 * the later input wins. Memory: one small entry per plant, plus lists only for plants seen more than once.
 */
export class PlantRegistry {
  /** Key → [seq, date]; keys are hashed to 64 bits so that the map stays small (a few dozen bytes per plant). */
  private readonly current = new Map<string, number>();
  private static pack = (seq: number, date: number) => seq * 1e8 + date;
  private static seqOf = (v: number) => Math.floor(v / 1e8);
  private static dateOf = (v: number) => v % 1e8;
  readonly superseded = new Set<number>();
  /** Plants seen more than once: key → sequence numbers in input order. */
  readonly duplicates = new Map<string, number[]>();

  /** Register company `seq` (input order); returns the sequence number it supersedes or is superseded by. */
  add(seq: number, rawKey: string | undefined, date: number): { supersededSeq?: number } {
    if (rawKey === undefined) return {};
    const key = shortKey(rawKey);
    const packed = this.current.get(key);
    if (packed === undefined) {
      this.current.set(key, PlantRegistry.pack(seq, date));
      return {};
    }
    const prev = { seq: PlantRegistry.seqOf(packed), date: PlantRegistry.dateOf(packed) };
    const members = this.duplicates.get(key) ?? [prev.seq];
    members.push(seq);
    this.duplicates.set(key, members);
    if (date >= prev.date) {
      this.superseded.add(prev.seq);
      this.current.set(key, PlantRegistry.pack(seq, date));
      return { supersededSeq: prev.seq };
    }
    this.superseded.add(seq);
    return { supersededSeq: seq };
  }

  isSuperseded(seq: number): boolean {
    return this.superseded.has(seq);
  }

  /** The current sequence number of a plant. */
  currentOf(key: string): number | undefined {
    const v = this.current.get(shortKey(key));
    return v === undefined ? undefined : PlantRegistry.seqOf(v);
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
