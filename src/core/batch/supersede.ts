/**
 * Tracks which assessment of each plant is current. The newest respondent.date wins; on equal dates (or none)
 * the later input wins. Memory: one small entry per plant, plus lists only for plants seen more than once.
 */
export class PlantRegistry {
  private readonly current = new Map<string, { seq: number; date: number }>();
  readonly superseded = new Set<number>();
  /** Plants seen more than once: key → sequence numbers in input order. */
  readonly duplicates = new Map<string, number[]>();

  /** Register company `seq` (input order); returns the sequence number it supersedes or is superseded by. */
  add(seq: number, key: string | undefined, date: number): { supersededSeq?: number } {
    if (key === undefined) return {};
    const prev = this.current.get(key);
    if (!prev) {
      this.current.set(key, { seq, date });
      return {};
    }
    const members = this.duplicates.get(key) ?? [prev.seq];
    members.push(seq);
    this.duplicates.set(key, members);
    if (date >= prev.date) {
      this.superseded.add(prev.seq);
      this.current.set(key, { seq, date });
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
    return this.current.get(key)?.seq;
  }
}
