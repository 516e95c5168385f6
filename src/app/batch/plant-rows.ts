// The rows of plants seen more than once, and of credit codes given once without and once with a site (the registry
// of src/core/batch/supersede.ts): how each row stands, settled once every row is in, and what the run reports about
// them, collected from the records while an output pass reads them (anonymised when the outputs are).
import type { CompanyRecord } from '../../core/batch/record.js';
import type { BatchSummary } from '../../core/batch/summary.js';
import { assessmentSeries, settleParts, settleSources, type AssessmentRelation, type PlantRegistry } from '../../core/batch/supersede.js';

export interface SettledRows {
  /** How each row of a plant seen more than once stands. */
  relation: Map<number, AssessmentRelation>;
  /** Progress pairs: the earliest assessment that is not a resubmission, and the current one. */
  baselines: [number, number][];
  /** Rows left out as parts of an assessment split over files, with no merged file given. */
  unmergedParts: number;
}

/**
 * How each row of a plant seen more than once stands (a resubmission within the conflict window, an earlier
 * assessment, the current one, a part of an assessment split over several files), and the baseline of each plant's
 * progress pair. Parts are not counted at all (each would score the plant on part of its answers): they are to be
 * merged first. Marks the parts superseded in the registry, and a merged file given with them current. A company's
 * own answers sent within the conflict window after an assessor's do not replace them (settleSources).
 */
export function settleRows(registry: PlantRegistry, dateOf: (seq: number) => number, partial: ReadonlySet<number>, selfReported: (seq: number) => boolean = () => false): SettledRows {
  const superseded = registry.superseded;
  const relation = new Map<number, AssessmentRelation>();
  const baselines: [number, number][] = [];
  let unmergedParts = 0;
  for (const seqs of registry.duplicates.values()) {
    const current = seqs.find((x) => !superseded.has(x));
    if (current === undefined) continue;
    const dated = seqs.map((x) => ({ seq: x, date: dateOf(x) }));
    const series = assessmentSeries(dated, current);
    for (const [x, rel] of series.relation) relation.set(x, rel);
    const order = [...dated].sort((a, b) => a.date - b.date || a.seq - b.seq).map((x) => x.seq);
    const settled = partial.size ? settleParts(order, series.relation, current, (x) => partial.has(x)) : { current, parts: [] };
    for (const x of settled.parts) {
      relation.set(x, 'part');
      superseded.add(x);
    }
    if (settled.current === undefined) {
      // parts only: the plant is not counted until they are merged
      unmergedParts += settled.parts.length;
      continue;
    }
    // an assessor's diagnosis stands against the company's own answers sent within the window after it
    const sources = settleSources(order, relation, settled.current, selfReported);
    for (const x of sources.selfReports) {
      relation.set(x, 'self-report');
      superseded.add(x);
    }
    if (sources.current !== current) {
      // the parts' merged file given with them, or the assessor's row, stands for the plant
      superseded.delete(sources.current);
      relation.set(sources.current, 'current');
    }
    if (series.baseline !== undefined && series.baseline !== sources.current) baselines.push([series.baseline, sources.current]);
  }
  return { relation, baselines, unmergedParts };
}

type Duplicate = BatchSummary['duplicates'][number];
type SameCode = NonNullable<BatchSummary['sameCodeOtherSite']>[number];
type OtherName = NonNullable<BatchSummary['sameCodeOtherName']>[number];

/** A plant as the run names it: credit code, company and (optionally) site, those given. */
const plantName = (r: CompanyRecord, site: boolean) => [r.creditCode ?? '', r.company, site ? (r.site ?? '') : ''].filter(Boolean).join(' / ');

/** What the run reports of the rows of plants seen more than once and of codes given with and without a site. */
export class PlantRowNotes {
  /** Row → the registry's key of its plant, for plants seen more than once. */
  readonly dupOf = new Map<number, string>();
  private readonly sameCodeOf = new Map<number, number>();
  private readonly dup = new Map<string, { plant: string; members: Duplicate['members'] }>();
  private readonly same: SameCode[];
  private readonly otherNameOf = new Map<number, number[]>();
  private readonly otherName: OtherName[];

  constructor(
    private readonly registry: PlantRegistry,
    private readonly relation: ReadonlyMap<number, AssessmentRelation>,
  ) {
    for (const [key, seqs] of registry.duplicates) for (const s of seqs) this.dupOf.set(s, key);
    // a credit code, or (rows without one) a company name, given once without a site and once with one
    const pairs = [...registry.sitelessAndSited.map((p) => ({ p, byName: false })), ...registry.namedSitelessAndSited.map((p) => ({ p, byName: true }))];
    // a row later superseded by a resubmission of its plant is cited by the row that replaced it (the one counted)
    const current = (s: number): number => {
      const key = this.dupOf.get(s);
      return key === undefined ? s : (registry.duplicates.get(key)!.find((x) => !registry.superseded.has(x)) ?? s);
    };
    pairs.forEach(({ p: [a, b] }, i) => {
      this.sameCodeOf.set(current(a), i);
      this.sameCodeOf.set(current(b), i);
    });
    this.same = pairs.map(({ byName }) => ({ plant: '', members: [], ...(byName ? { byName: true } : {}) }));
    registry.codeOtherName.forEach(([a, b], i) => {
      for (const x of [a, b]) this.otherNameOf.set(x, [...(this.otherNameOf.get(x) ?? []), i]);
    });
    this.otherName = registry.codeOtherName.map(() => ({ code: '', members: [] }));
  }

  /** Whether a row's record is noted (an output pass that does not parse every row parses these). */
  wants(seq: number): boolean {
    return this.dupOf.has(seq) || this.sameCodeOf.has(seq) || this.otherNameOf.has(seq);
  }

  /** An output pass starts: what an earlier pass noted is noted again. */
  startPass(): void {
    this.dup.clear();
    for (const e of this.same) e.members.length = 0;
    for (const e of this.otherName) e.members.length = 0;
  }

  note(seq: number, r: CompanyRecord): void {
    for (const i of this.otherNameOf.get(seq) ?? []) {
      const e = this.otherName[i]!;
      if (!e.code && r.creditCode) e.code = r.creditCode;
      e.members.push({ file: r.file, ...(r.row !== undefined ? { row: r.row } : {}), company: r.company, ...(r.site ? { site: r.site } : {}) });
    }
    const i = this.sameCodeOf.get(seq);
    if (i !== undefined) {
      const e = this.same[i]!;
      if (!e.plant) e.plant = plantName(r, false);
      e.members.push({ file: r.file, ...(r.row !== undefined ? { row: r.row } : {}), ...(r.site ? { site: r.site } : {}) });
    }
    const key = this.dupOf.get(seq);
    if (key === undefined) return;
    const d = this.dup.get(key) ?? { plant: plantName(r, true), members: [] };
    if (r.creditCode && !d.plant.includes(r.creditCode)) d.plant = plantName(r, true);
    d.members.push({ file: r.file, ...(r.row !== undefined ? { row: r.row } : {}), ...(r.date ? { date: r.time ? `${r.date} ${r.time}` : r.date } : {}), superseded: Boolean(r.superseded), coded: Boolean(r.creditCode), relation: this.relation.get(seq) ?? (r.superseded ? 'earlier' : 'current') });
    this.dup.set(key, d);
  }

  /** The summary's `duplicates` (copies: a later output pass notes again). */
  duplicates(): Duplicate[] {
    return [...this.dup].map(([key, d]) => ({
      plant: d.plant,
      count: d.members.length,
      ...(this.registry.matchedByName.has(key) ? { matchedByName: true } : {}),
      ...(d.members.some((m) => m.relation === 'resubmission') ? { resubmission: true } : {}),
      ...(d.members.some((m) => m.relation === 'part') ? { parts: true } : {}),
      members: [...d.members],
    }));
  }

  /** The summary's `sameCodeOtherName` (copies), undefined when there is none. */
  sameCodeOtherName(): OtherName[] | undefined {
    return this.otherName.length ? this.otherName.map((e) => ({ code: e.code, members: [...e.members] })) : undefined;
  }

  /** The summary's `sameCodeOtherSite` (copies), undefined when there is none. */
  sameCodeOtherSite(): SameCode[] | undefined {
    return this.same.length ? this.same.map((e) => ({ plant: e.plant, ...(e.byName ? { byName: true } : {}), members: [...e.members] })) : undefined;
  }
}
