import type { Comparison } from '../targets.js';
import type { IndicatorKind, Text } from '../types.js';
import { dateKey } from './identity.js';
import { DESIGN_TOOL_INDICATOR, type CompanyRecord } from './record.js';

/**
 * Which companies a regional figure is taken over: those above designated size (规上) where the indicator's
 * definition says so, all companies otherwise.
 */
export type RegionalPopulation = 'above-designated-size' | 'all';

export interface LayoutIndicator {
  id: string;
  kind: IndicatorKind;
  title: Text;
  target?: { comparison: Comparison; value: number; year: number; population: Text; source: string };
  /** How the regional value is formed: the mean of company values, or the share of companies (yes/no indicators). */
  method?: 'mean' | 'share';
  population?: RegionalPopulation;
  /** The question ids of a ratio formula `a / b` (numerator, denominator), shown per company. */
  ratio?: [string, string];
}

/** What the summary needs to know about the questionnaire and the target profile. */
export interface SummaryLayout {
  sections: { id: string; title: Text }[];
  indicators: LayoutIndicator[];
  /** Number questions kept per company for the plan's counts (outcome KPIs, robots, CNC machines). */
  facts?: string[];
  /** Readiness profiles checked per company (smart-workshop, smart-factory candidates). */
  readiness?: string[];
}

export const isDesignTool = (id: string) => id === DESIGN_TOOL_INDICATOR;
export const methodOf = (i: LayoutIndicator): 'mean' | 'share' => i.method ?? (isDesignTool(i.id) || i.kind === 'flag' || i.kind === 'share' ? 'share' : 'mean');
export const populationOf = (i: LayoutIndicator): RegionalPopulation => i.population ?? 'all';

/** The small per-company figures the summary is computed from (never the full result). */
export interface CompanyAggregate {
  /** -1: no level stated (too few answers). */
  level: number;
  /** Score S; null with no level stated (such a company counts in no mean and no level). */
  score: number | null;
  sections: (number | null)[];
  /** Enterprise value of each indicator in layout order; flags as 1/0; design-tool penetration as uses 1/0. */
  values: (number | null)[];
  /** Whether the company's own value meets the indicator's target. */
  met: (boolean | null)[];
  /** The value is missing because the company answered 不清楚 (unknown), not because it did not answer. */
  unknown?: boolean[];
  /** The value is left out because an input is outside its plausible range (the company's own record keeps it). */
  excluded?: boolean[];
  /** usesDigitalDesignTools (the official regional design-tool indicator). */
  uses: boolean | null;
  group?: string;
  scale?: boolean;
  cls?: string;
  retrofit?: string;
  district?: string;
  region?: string;
  /** Year of the assessment date. */
  year?: number;
  /** The assessment date and time of day as identity.ts dateKey (20261101090000), when a date is given. */
  date?: number;
  /** An assessor is named (the answers are not the company's own self-report). */
  assessed?: boolean;
  /** The level is provisional (completeness below the profile's threshold). */
  provisional?: boolean;
  /** layout.facts in order. */
  facts?: (number | null)[];
  /** layout.readiness in order: every criterion that one assessment can judge is met. */
  ready?: (boolean | null)[];
}

const GROUP_FIELDS: Record<string, (r: CompanyRecord) => string | undefined> = {
  company: (r) => r.company,
  credit_code: (r) => r.creditCode,
  site: (r) => r.site,
  district: (r) => r.district,
  park: (r) => r.park,
  region: (r) => r.region,
  sector: (r) => r.sector,
  industry: (r) => r.industry,
  above_designated_size: (r) => (r.aboveDesignatedSize === undefined ? undefined : String(r.aboveDesignatedSize)),
  enterprise_class: (r) => r.enterpriseClass,
  retrofit_status: (r) => r.retrofitStatus,
  date: (r) => r.date?.slice(0, 4),
};
export const isRespondentGroupField = (field: string) => Object.prototype.hasOwnProperty.call(GROUP_FIELDS, field);

export function aggregateOf(r: CompanyRecord, layout: SummaryLayout, groupBy?: string, extra: { facts?: (number | null)[]; ready?: (boolean | null)[]; provisional?: boolean; assessed?: boolean } = {}): CompanyAggregate {
  // pushed, not map()ped: read by the callbacks below (one elements kind: see core/result.ts, `packed`)
  const excluded: boolean[] = [];
  for (const i of layout.indicators) excluded.push(r.indicators[i.id]?.excluded !== undefined);
  const values = layout.indicators.map((i, k) => {
    // an implausible input: the value stays in the company's row, never in a regional figure
    if (excluded[k]) return null;
    if (isDesignTool(i.id)) return r.usesDigitalDesignTools === null ? null : r.usesDigitalDesignTools ? 1 : 0;
    const v = r.indicators[i.id]?.value;
    return typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' ? v : null;
  });
  const group = groupBy === undefined ? undefined : isRespondentGroupField(groupBy) ? GROUP_FIELDS[groupBy]!(r) : r.group;
  const year = r.date ? Number(r.date.slice(0, 4)) : NaN;
  const date = dateKey(r.date, r.time);
  return {
    level: r.level ?? -1,
    score: r.level === null ? null : r.score,
    sections: layout.sections.map((s) => r.sections[s.id] ?? null),
    values,
    met: layout.indicators.map((i, k) => (methodOf(i) === 'share' || excluded[k] ? null : (r.indicators[i.id]?.met ?? null))),
    unknown: layout.indicators.map((i) => Boolean(r.indicators[i.id]?.unknown)),
    ...(excluded.some(Boolean) ? { excluded } : {}),
    uses: r.usesDigitalDesignTools,
    ...(group !== undefined && group !== '' ? { group } : {}),
    ...(r.aboveDesignatedSize !== undefined ? { scale: r.aboveDesignatedSize } : {}),
    ...(r.enterpriseClass ? { cls: r.enterpriseClass } : {}),
    ...(r.retrofitStatus ? { retrofit: r.retrofitStatus } : {}),
    ...(r.district ? { district: r.district } : {}),
    ...(r.region ? { region: r.region } : {}),
    ...(Number.isFinite(year) ? { year } : {}),
    ...(date > 0 ? { date } : {}),
    ...(extra.assessed !== undefined ? { assessed: extra.assessed } : {}),
    ...(extra.provisional !== undefined ? { provisional: extra.provisional } : {}),
    ...(extra.facts ? { facts: extra.facts } : {}),
    ...(extra.ready ? { ready: extra.ready } : {}),
  };
}

const STRING_FIELDS = ['group', 'cls', 'retrofit', 'district', 'region'] as const;

/** Flags per indicator as one double: bits 0…49 (a double holds integers up to 2^53 exactly); later ones stay false. */
function packBits(flags: readonly boolean[] | undefined, n: number): number {
  let mask = 0;
  for (let i = 0; i < Math.min(n, 50); i++) if (flags?.[i]) mask += 2 ** i;
  return mask;
}
const unpackBits = (mask: number, n: number): boolean[] => Array.from({ length: n }, (_, i) => i < 50 && Math.floor(mask / 2 ** i) % 2 === 1);

/**
 * A company's aggregate as the store keeps it: its figures in one row of doubles (AggregateStore's layout, the text
 * fields left NaN) and the text fields beside it. Made in the worker: a typed array crosses to the main thread as
 * one block outside its JavaScript heap, where the aggregate's object and its five arrays were ≈ 2.6 KB to
 * deserialise per company, and those in flight survived the main thread's scavenges (docs/performance.md).
 */
export interface PackedAggregate {
  row: Float64Array;
  /** STRING_FIELDS in order. */
  strings: (string | undefined)[];
}

/** Doubles per company in AggregateStore's rows. */
function rowWidth(layout: SummaryLayout): number {
  const nI = layout.indicators.length;
  // level, score, sections, values, met, unknown (one bit mask), uses, scale, 5 strings, year, provisional, facts,
  // ready, excluded (one bit mask), date, assessed
  return 2 + layout.sections.length + 2 * nI + 1 + 2 + STRING_FIELDS.length + 2 + (layout.facts?.length ?? 0) + (layout.readiness?.length ?? 0) + 3;
}

/** Writes `a` into `buf` at `o` in AggregateStore's row layout; each text field's slot gets `text(field's value)`. */
function packInto(layout: SummaryLayout, a: CompanyAggregate, buf: Float64Array, o: number, text: (s: string | undefined) => number): void {
  const nS = layout.sections.length;
  const nI = layout.indicators.length;
  const nF = layout.facts?.length ?? 0;
  const nR = layout.readiness?.length ?? 0;
  const num = (x: number | null | undefined) => (x === null || x === undefined ? NaN : x);
  const bool = (x: boolean | null | undefined) => (x === null || x === undefined ? NaN : x ? 1 : 0);
  buf[o++] = a.level;
  buf[o++] = num(a.score);
  for (let i = 0; i < nS; i++) buf[o++] = num(a.sections[i]);
  for (let i = 0; i < nI; i++) buf[o++] = num(a.values[i]);
  for (let i = 0; i < nI; i++) buf[o++] = bool(a.met[i]);
  buf[o++] = packBits(a.unknown, nI);
  buf[o++] = bool(a.uses);
  buf[o++] = bool(a.scale);
  for (const f of STRING_FIELDS) buf[o++] = text(a[f]);
  buf[o++] = num(a.year);
  buf[o++] = bool(a.provisional);
  for (let i = 0; i < nF; i++) buf[o++] = num(a.facts?.[i]);
  for (let i = 0; i < nR; i++) buf[o++] = bool(a.ready?.[i]);
  buf[o++] = packBits(a.excluded, nI);
  buf[o++] = num(a.date);
  buf[o++] = bool(a.assessed);
}

/** The aggregate packed for AggregateStore.pushPacked (in an ArrayBuffer of its own: transferable). */
export function packAggregate(layout: SummaryLayout, a: CompanyAggregate): PackedAggregate {
  const row = new Float64Array(rowWidth(layout));
  packInto(layout, a, row, 0, () => NaN);
  return { row, strings: STRING_FIELDS.map((f) => a[f]) };
}

/**
 * Where full chunks of the store are kept out of memory (the batch gives a file in its spool folder): a chunk is
 * saved once, when it is full, and loaded again when read.
 */
export interface ChunkSpill {
  save(index: number, chunk: Float64Array): void;
  load(index: number, into: Float64Array): void;
}

/**
 * Per-company aggregates packed into Float64Array chunks (8 bytes per figure, no object per company). With a spill,
 * only the chunk being filled and the last chunk read stay in memory, so memory does not grow with the number of
 * companies. Strings (group, class, retrofit status, district, region) are interned.
 */
export class AggregateStore {
  private readonly chunks: (Float64Array | undefined)[] = [];
  /** A spilled chunk read back: [chunk index, data]. */
  private cached: [number, Float64Array] | undefined;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly width: number;
  private readonly nS: number;
  private readonly nI: number;
  private readonly nF: number;
  private readonly nR: number;
  private static readonly CHUNK = 4096;
  length = 0;

  constructor(
    private readonly layout: SummaryLayout,
    private readonly spill?: ChunkSpill,
  ) {
    this.nS = layout.sections.length;
    this.nI = layout.indicators.length;
    this.nF = layout.facts?.length ?? 0;
    this.nR = layout.readiness?.length ?? 0;
    this.width = rowWidth(layout);
  }

  private intern(s: string | undefined): number {
    if (s === undefined) return NaN;
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  private at(seq: number): [Float64Array, number] {
    const c = Math.floor(seq / AggregateStore.CHUNK);
    let buf = this.chunks[c];
    if (!buf) {
      if (this.cached?.[0] !== c) {
        const into = this.cached?.[1] ?? new Float64Array(AggregateStore.CHUNK * this.width);
        this.spill!.load(c, into);
        this.cached = [c, into];
      }
      buf = this.cached[1];
    }
    return [buf, (seq % AggregateStore.CHUNK) * this.width];
  }

  /** Stores the aggregate as the next index. */
  push(a: CompanyAggregate): number {
    const [buf, o, seq] = this.next();
    packInto(this.layout, a, buf, o, (s) => this.intern(s));
    return seq;
  }

  /** Stores an aggregate packAggregate made as the next index. */
  pushPacked(p: PackedAggregate): number {
    const [buf, o, seq] = this.next();
    if (p.row.length !== this.width) throw new Error(`aggregate row of ${p.row.length} figures, the store's are ${this.width}`);
    buf.set(p.row, o);
    const at = o + 2 + this.nS + 2 * this.nI + 1 + 2;
    STRING_FIELDS.forEach((_, i) => (buf[at + i] = this.intern(p.strings[i])));
    return seq;
  }

  /** The row of the next index: its chunk, offset and index. */
  private next(): [Float64Array, number, number] {
    const seq = this.length++;
    const c = Math.floor(seq / AggregateStore.CHUNK);
    if (!this.chunks[c]) {
      // the previous chunk is full: out of memory with it (its array is reused for the new one)
      const full = c > 0 ? this.chunks[c - 1] : undefined;
      if (full && this.spill) {
        this.spill.save(c - 1, full);
        this.chunks[c - 1] = undefined;
        full.fill(0);
      }
      this.chunks[c] = full && this.spill ? full : new Float64Array(AggregateStore.CHUNK * this.width);
    }
    return [this.chunks[c]!, (seq % AggregateStore.CHUNK) * this.width, seq];
  }

  get(seq: number): CompanyAggregate {
    const [buf, start] = this.at(seq);
    let o = start;
    const num = (x: number) => (Number.isNaN(x) ? null : x);
    const bool = (x: number) => (Number.isNaN(x) ? null : x === 1);
    const str = (x: number) => (Number.isNaN(x) ? undefined : this.strings[x]);
    const level = buf[o++]!;
    const score = num(buf[o++]!);
    const sections = this.layout.sections.map(() => num(buf[o++]!));
    const values = this.layout.indicators.map(() => num(buf[o++]!));
    const met = this.layout.indicators.map(() => bool(buf[o++]!));
    const unknown = unpackBits(buf[o++]!, this.nI);
    const uses = bool(buf[o++]!);
    const scale = bool(buf[o++]!);
    const strings: Partial<Record<(typeof STRING_FIELDS)[number], string>> = {};
    for (const f of STRING_FIELDS) {
      const s = str(buf[o++]!);
      if (s !== undefined) strings[f] = s;
    }
    const year = num(buf[o++]!);
    const provisional = bool(buf[o++]!);
    const facts = Array.from({ length: this.nF }, () => num(buf[o++]!));
    const ready = Array.from({ length: this.nR }, () => bool(buf[o++]!));
    const excludedMask = buf[o++]!;
    const date = num(buf[o++]!);
    const assessed = bool(buf[o++]!);
    return {
      level,
      score,
      sections,
      values,
      met,
      unknown,
      uses,
      ...strings,
      ...(scale !== null ? { scale } : {}),
      ...(year !== null ? { year } : {}),
      ...(provisional !== null ? { provisional } : {}),
      ...(this.nF ? { facts } : {}),
      ...(this.nR ? { ready } : {}),
      ...(excludedMask ? { excluded: unpackBits(excludedMask, this.nI) } : {}),
      ...(date !== null ? { date } : {}),
      ...(assessed !== null ? { assessed } : {}),
    };
  }

  levelAt(seq: number): number {
    const [buf, o] = this.at(seq);
    return buf[o]!;
  }

  /** One indicator of one company, without decoding the rest. */
  indicatorAt(seq: number, i: number): { value: number | null; met: boolean | null } {
    const [buf, start] = this.at(seq);
    const o = start + 2 + this.nS;
    const v = buf[o + i]!;
    const m = buf[o + this.nI + i]!;
    return { value: Number.isNaN(v) ? null : v, met: Number.isNaN(m) ? null : m === 1 };
  }

  /** One of the interned text fields of a company (group, class, retrofit status, district, region). */
  stringAt(seq: number, field: (typeof STRING_FIELDS)[number]): string | undefined {
    const [buf, start] = this.at(seq);
    const x = buf[start + 2 + this.nS + 2 * this.nI + 1 + 2 + STRING_FIELDS.indexOf(field)]!;
    return Number.isNaN(x) ? undefined : this.strings[x];
  }

  *entries(skip?: (seq: number) => boolean): Generator<CompanyAggregate> {
    for (let i = 0; i < this.length; i++) if (!skip?.(i)) yield this.get(i);
  }
}
