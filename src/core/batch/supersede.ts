/**
 * Tracks which assessment of each plant is current. The newest assessment (date, then time of day) wins; on equal
 * dates (or none) the later input wins. A plant is found by its credit code + site, or by its name + site — so the
 * same plant given once with and once without a credit code is one plant (reported as matched by name); two
 * different codes under one name are two plants. Memory: two 64-bit key hashes and three numbers per plant in typed
 * arrays (no JavaScript object per plant), plus lists only for plants seen more than once.
 */
export class PlantRegistry {
  /** Hashed key (shortKey's two halves) → plant number (-1: a name shared by plants with different codes, matched by code only). */
  private readonly keys = new KeyTable();
  /** Per plant: its current sequence number, date and whether it has a credit code (typed, outside the JS heap). */
  private seqs = new Float64Array(1024);
  private dates = new Float64Array(1024);
  private coded = new Uint8Array(1024);
  /** Per plant: a hash of its company's name (plant-identity.ts companyCore; 0 and 0 when none was given). */
  private firm1 = new Uint32Array(1024);
  private firm2 = new Uint32Array(1024);
  private plants = 0;
  readonly superseded = new Set<number>();
  /** Plants seen more than once: plant number → sequence numbers in input order. */
  readonly duplicates = new Map<string, number[]>();
  /** Plants (as in `duplicates`) matched across a row with and a row without a credit code. */
  readonly matchedByName = new Set<string>();
  /**
   * A credit code given once without a site and once with one (a survey export has no site column, a consultant's
   * file names the site): two plants by the rule, maybe one. The first row of the code and the first row that showed
   * the other case; reported, not merged. Per code: its first row and whether rows without and with a site were seen.
   */
  readonly sitelessAndSited: [number, number][] = [];
  /**
   * One credit code (and site) given for companies of different names: a wrong code, not a resubmission. The row
   * that had the code and the first row naming another company; that row is counted as a plant of its own (later
   * rows of its name join it, as resubmissions of it), and reported so the analyst can correct the code.
   */
  readonly codeOtherName: [number, number][] = [];
  private readonly codeSites = new KeyTable();
  /** The same for a company name given without a credit code, once without a site and once with one. */
  readonly namedSitelessAndSited: [number, number][] = [];
  private readonly nameSites = new KeyTable();

  private newPlant(seq: number, date: number, coded: boolean): number {
    const id = this.plants++;
    if (id === this.seqs.length) {
      const grow = <T extends Float64Array | Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.seqs = grow(this.seqs, (n) => new Float64Array(n));
      this.dates = grow(this.dates, (n) => new Float64Array(n));
      this.coded = grow(this.coded, (n) => new Uint8Array(n));
      this.firm1 = grow(this.firm1, (n) => new Uint32Array(n));
      this.firm2 = grow(this.firm2, (n) => new Uint32Array(n));
    }
    this.seqs[id] = seq;
    this.dates[id] = date;
    this.coded[id] = coded ? 1 : 0;
    return id;
  }

  /** Records the plant's company name (its hash), when the plant has none yet. */
  private noteFirm(id: number, firm: readonly [number, number] | undefined): void {
    if (firm && !this.firm1[id] && !this.firm2[id]) {
      this.firm1[id] = firm[0];
      this.firm2[id] = firm[1];
    }
  }

  /** Whether the plant's company name is known and differs from `firm`. */
  private otherFirm(id: number, firm: readonly [number, number] | undefined): boolean {
    if (!firm || (!this.firm1[id] && !this.firm2[id])) return false;
    return this.firm1[id] !== firm[0] || this.firm2[id] !== firm[1];
  }

  /** Register company `seq` (input order) with its keys (identity.ts plantKeys). */
  add(seq: number, ids: { code?: string; name?: string; firm?: string } | undefined, date: number): void {
    if (!ids || (ids.code === undefined && ids.name === undefined)) return;
    if (ids.code !== undefined) this.noteSite(seq, ids.code, this.codeSites, this.sitelessAndSited);
    else if (ids.name !== undefined) this.noteSite(seq, ids.name, this.nameSites, this.namedSitelessAndSited);
    const ck = ids.code !== undefined ? keyHash(ids.code) : undefined;
    const nk = ids.name !== undefined ? keyHash(ids.name) : undefined;
    const firm = ids.firm ? keyHash(ids.firm) : undefined;
    let pid = ck !== undefined ? this.keys.get(ck) : undefined;
    let byName = false;
    if (pid !== undefined && this.otherFirm(pid, firm)) {
      // the code (and site) of a company of another name: a wrong code. This row's plant is the one of its own name
      // given with the same code before (a resubmission of it), else a new one; the code stays with the first.
      const own = nk !== undefined ? this.keys.get(nk) : undefined;
      if (own === undefined || own < 0 || own === pid) {
        this.codeOtherName.push([this.seqs[pid]!, seq]);
        const id = this.newPlant(seq, date, true);
        this.noteFirm(id, firm);
        if (nk !== undefined) this.keys.set(nk, own === undefined ? id : -1);
        return;
      }
      pid = own;
    }
    if (pid === undefined && nk !== undefined) {
      const p = this.keys.get(nk);
      // A row with a code joins a plant of the same name only if that plant has no code yet.
      if (p !== undefined && p >= 0 && (ck === undefined || !this.coded[p])) {
        pid = p;
        byName = ck !== undefined || this.coded[p] === 1;
      }
    }
    if (pid === undefined) {
      const id = this.newPlant(seq, date, ck !== undefined);
      this.noteFirm(id, firm);
      if (ck !== undefined) this.keys.set(ck, id);
      if (nk !== undefined) {
        const p = this.keys.get(nk);
        this.keys.set(nk, p === undefined ? id : -1);
      }
      return;
    }
    if (ck !== undefined && this.keys.get(ck) === undefined) {
      this.keys.set(ck, pid);
      this.coded[pid] = 1;
    }
    if (nk !== undefined && this.keys.get(nk) === undefined) this.keys.set(nk, pid);
    this.noteFirm(pid, firm);
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

  /** `key` is plantKeys' `code:CODE|SITE` (or `name:COMPANY|SITE`): a row without and a row with a site, once per code (name). */
  private noteSite(seq: number, key: string, sites: KeyTable, found: [number, number][]): void {
    const bar = key.indexOf('|');
    const k = keyHash(key.slice(0, bar));
    const bit = bar === key.length - 1 ? 1 : 2;
    const state = sites.get(k);
    if (state === undefined) return sites.set(k, seq * 4 + bit);
    const seen = state & 3;
    if ((seen | bit) === 3 && seen !== 3) found.push([Math.floor(state / 4), seq]);
    sites.set(k, state | bit);
  }

  isSuperseded(seq: number): boolean {
    return this.superseded.has(seq);
  }

  /** The current sequence number of the plant a key belongs to. */
  currentOf(key: string): number | undefined {
    const p = this.keys.get(keyHash(key));
    return p === undefined || p < 0 ? undefined : this.seqs[p];
  }
}

/** Two submissions of a plant closer than this (in days) are one assessment submitted twice, not a baseline and a follow-up. */
export const CONFLICT_WINDOW_DAYS = 30;

/**
 * How a row of a plant seen more than once stands: `current` (in the summary), `earlier` (an older assessment, at
 * least the conflict window before the next one: a baseline), `resubmission` (replaced by a submission less than the
 * conflict window later, or undated: a conflict, never a baseline), `part` (one of several files that each cover only
 * some sections of one assessment: none is in the summary until they are merged; unmergedParts), `self-report` (the
 * company's own answers, no assessor named, sent within the conflict window after an assessor's: the assessor's
 * counts; settleSources).
 */
export type AssessmentRelation = 'current' | 'earlier' | 'resubmission' | 'part' | 'self-report';

/**
 * Files that cover only some sections of an assessment (department interviews, `assess --sections`; `partial`) among
 * the rows of one plant's current assessment (the current row and the rows before it that each the next replaced
 * within the conflict window; not an older assessment's):
 *  - with a complete row among them (the parts merged, given with the parts), the newest complete row is current
 *    and the parts are `part`s, not counted (also when the complete row is the newest);
 *  - with two or more parts and no complete row, none is counted (each would score the plant on part of its
 *    answers): `current` is undefined, and they are to be merged first;
 *  - otherwise nothing changes (one partial file alone is an interview that stopped early, scored as it is).
 * `order` gives the rows oldest first (date, then input order), as the registry picks the current one.
 */
export function settleParts(order: readonly number[], relation: ReadonlyMap<number, AssessmentRelation>, current: number, partial: (seq: number) => boolean): { current: number | undefined; parts: number[] } {
  const same = currentAssessment(order, relation, current);
  const parts = same.filter(partial);
  const complete = same.filter((x) => !partial(x));
  if (complete.length) return { current: complete[complete.length - 1], parts };
  return parts.length >= 2 ? { current: undefined, parts } : { current, parts: [] };
}

/**
 * Among the rows of one plant's current assessment (currentAssessment; `order` oldest first): when the current row is the company's own answers (no assessor
 * named) and an assessor's row is among them, the newest assessor's row is current, and the self-reports after it are
 * `self-report`s, not counted — a survey the company fills in within the window after a consultant's diagnosis does
 * not replace the diagnosis. Otherwise nothing changes (a diagnosis after a self-report replaces it by date anyway).
 */
export function settleSources(order: readonly number[], relation: ReadonlyMap<number, AssessmentRelation>, current: number, selfReported: (seq: number) => boolean): { current: number; selfReports: number[] } {
  if (!selfReported(current)) return { current, selfReports: [] };
  const same = currentAssessment(order, relation, current);
  let assessed = same.length - 1;
  while (assessed >= 0 && selfReported(same[assessed]!)) assessed--;
  if (assessed < 0) return { current, selfReports: [] };
  return { current: same[assessed]!, selfReports: same.slice(assessed + 1) };
}

/**
 * The rows of one plant's current assessment, oldest first: the current row and, back from it in `order`, the rows
 * each resubmitted by the next (an `earlier` row, and everything before it, belongs to an older assessment).
 */
function currentAssessment(order: readonly number[], relation: ReadonlyMap<number, AssessmentRelation>, current: number): number[] {
  const at = order.indexOf(current);
  let from = at;
  while (from > 0 && relation.get(order[from - 1]!) === 'resubmission') from--;
  return order.slice(from, at + 1);
}

/** Days from one identity.ts dateKey (YYYYMMDDhhmmss) to a later one; null when either is missing. */
export function daysBetween(from: number, to: number): number | null {
  if (!(from > 0) || !(to > 0)) return null;
  const ms = (k: number) => {
    const d = Math.floor(k / 1_000_000);
    const t = k % 1_000_000;
    return Date.UTC(Math.floor(d / 10000), (Math.floor(d / 100) % 100) - 1, d % 100, Math.floor(t / 10000), Math.floor(t / 100) % 100, t % 100);
  };
  return (ms(to) - ms(from)) / 86_400_000;
}

/**
 * The rows of one plant (sequence number and dateKey, current one included): how each stands, and the baseline
 * of a progress pair (the earliest row that is not a resubmission), when there is one besides the current row.
 * Rows are ordered by date, then input order (as the registry picks the current one); a row followed by another
 * less than `windowDays` later, or one without a date, is a resubmission.
 */
export function assessmentSeries(members: readonly { seq: number; date: number }[], current: number, windowDays = CONFLICT_WINDOW_DAYS): { relation: Map<number, AssessmentRelation>; baseline?: number } {
  const sorted = [...members].sort((a, b) => a.date - b.date || a.seq - b.seq);
  const relation = new Map<number, AssessmentRelation>();
  let baseline: number | undefined;
  sorted.forEach((m, i) => {
    if (m.seq === current) {
      relation.set(m.seq, 'current');
      return;
    }
    const next = sorted[i + 1];
    const days = next ? daysBetween(m.date, next.date) : null;
    if (days === null || days < windowDays) relation.set(m.seq, 'resubmission');
    else {
      relation.set(m.seq, 'earlier');
      baseline ??= m.seq;
    }
  });
  return { relation, ...(baseline !== undefined ? { baseline } : {}) };
}

/**
 * The resubmissions among the rows of one plant as pairs of indexes into `members` (input order): each row whose
 * relation is `resubmission` and the row that replaced it — the next one by date and time of day, then input order,
 * as assessmentSeries orders them (undated rows first). Dates as the outputs give them: `YYYY-MM-DD[ hh:mm[:ss]]`.
 */
export function resubmissionPairs(members: readonly { date?: string | undefined; relation: AssessmentRelation }[]): [number, number][] {
  const key = (d: string | undefined) => (d ? `${d.slice(0, 10)} ${(d.slice(11) || '00:00:00').padEnd(8, ':00')}` : '');
  const order = members.map((m, i) => ({ i, k: key(m.date) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  const pairs: [number, number][] = [];
  order.forEach((m, pos) => {
    const next = order[pos + 1];
    if (members[m.i]!.relation === 'resubmission' && next) pairs.push([m.i, next.i]);
  });
  return pairs;
}

/** shortKey's two 32-bit halves (the same identity: shortKey is a fixed-width spelling of them). */
function keyHash(key: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return [h1, h2 >>> 0];
}

/** An open-addressing hash table from a 64-bit key (two halves) to an int, in typed arrays (no object per key). */
class KeyTable {
  private h1 = new Uint32Array(2048);
  private h2 = new Uint32Array(2048);
  private values = new Int32Array(2048);
  private used = new Uint8Array(2048);
  private size = 0;

  private slot(k: readonly [number, number]): number {
    const mask = this.used.length - 1;
    let i = (k[0] ^ Math.imul(k[1], 0x9e3779b1)) & mask;
    while (this.used[i] && (this.h1[i] !== k[0] || this.h2[i] !== k[1])) i = (i + 1) & mask;
    return i;
  }

  get(k: readonly [number, number]): number | undefined {
    const i = this.slot(k);
    return this.used[i] ? this.values[i] : undefined;
  }

  set(k: readonly [number, number], v: number): void {
    let i = this.slot(k);
    if (!this.used[i]) {
      if ((this.size + 1) * 2 > this.used.length) {
        this.grow();
        i = this.slot(k);
      }
      this.used[i] = 1;
      this.h1[i] = k[0];
      this.h2[i] = k[1];
      this.size++;
    }
    this.values[i] = v;
  }

  private grow(): void {
    const { h1, h2, values, used } = this;
    const n = used.length * 2;
    this.h1 = new Uint32Array(n);
    this.h2 = new Uint32Array(n);
    this.values = new Int32Array(n);
    this.used = new Uint8Array(n);
    for (let i = 0; i < used.length; i++) {
      if (!used[i]) continue;
      const j = this.slot([h1[i]!, h2[i]!]);
      this.used[j] = 1;
      this.h1[j] = h1[i]!;
      this.h2[j] = h2[i]!;
      this.values[j] = values[i]!;
    }
  }
}

/** 64-bit FNV-1a of the key, as 11 base-36 characters (collisions: about 1 in 10^9 at 100,000 plants). */
export function shortKey(key: string): string {
  const [h1, h2] = keyHash(key);
  return h1.toString(36).padStart(7, '0') + h2.toString(36);
}
