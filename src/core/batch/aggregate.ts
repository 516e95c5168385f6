import type { Comparison } from '../targets.js';
import type { IndicatorKind, Text } from '../types.js';
import { DESIGN_TOOL_INDICATOR, type CompanyRecord } from './record.js';

/** What the summary needs to know about the questionnaire and the target profile. */
export interface SummaryLayout {
  sections: { id: string; title: Text }[];
  indicators: {
    id: string;
    kind: IndicatorKind;
    title: Text;
    target?: { comparison: Comparison; value: number; year: number; population: Text; source: string };
  }[];
}

/** The small per-company figures the summary is computed from (never the full result). */
export interface CompanyAggregate {
  /** -1: no level stated (too few answers). */
  level: number;
  score: number;
  sections: (number | null)[];
  /** Enterprise value of each indicator in layout order; flags as 1/0. */
  values: (number | null)[];
  /** Whether the company's own value meets the indicator's target. */
  met: (boolean | null)[];
  /** usesDigitalDesignTools (the official regional design-tool indicator). */
  uses: boolean | null;
  group?: string;
  scale?: boolean;
  cls?: string;
  retrofit?: string;
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

export function aggregateOf(r: CompanyRecord, layout: SummaryLayout, groupBy?: string): CompanyAggregate {
  const values = layout.indicators.map((i) => {
    const v = r.indicators[i.id]?.value;
    return typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' ? v : null;
  });
  const group = groupBy === undefined ? undefined : isRespondentGroupField(groupBy) ? GROUP_FIELDS[groupBy]!(r) : r.group;
  return {
    level: r.level ?? -1,
    score: r.score,
    sections: layout.sections.map((s) => r.sections[s.id] ?? null),
    values,
    met: layout.indicators.map((i) => r.indicators[i.id]?.met ?? null),
    uses: r.usesDigitalDesignTools,
    ...(group !== undefined && group !== '' ? { group } : {}),
    ...(r.aboveDesignatedSize !== undefined ? { scale: r.aboveDesignatedSize } : {}),
    ...(r.enterpriseClass ? { cls: r.enterpriseClass } : {}),
    ...(r.retrofitStatus ? { retrofit: r.retrofitStatus } : {}),
  };
}

/**
 * Per-company aggregates packed into Float64Array chunks (8 bytes per figure, no object per company), so that
 * 100,000 companies cost about 25 MB. Strings (group, class, retrofit status) are interned.
 */
export class AggregateStore {
  private readonly chunks: Float64Array[] = [];
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly width: number;
  private static readonly CHUNK = 4096;
  length = 0;

  constructor(private readonly layout: SummaryLayout) {
    const nI = layout.indicators.length;
    this.width = 2 + layout.sections.length + 2 * nI + 5;
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

  /** Stores the aggregate at index `seq` (must be the next index). */
  push(a: CompanyAggregate): number {
    const seq = this.length++;
    const c = Math.floor(seq / AggregateStore.CHUNK);
    if (!this.chunks[c]) this.chunks[c] = new Float64Array(AggregateStore.CHUNK * this.width);
    const buf = this.chunks[c]!;
    let o = (seq % AggregateStore.CHUNK) * this.width;
    const num = (x: number | null | undefined) => (x === null || x === undefined ? NaN : x);
    const bool = (x: boolean | null | undefined) => (x === null || x === undefined ? NaN : x ? 1 : 0);
    buf[o++] = a.level;
    buf[o++] = a.score;
    for (const s of a.sections) buf[o++] = num(s);
    for (const v of a.values) buf[o++] = num(v);
    for (const m of a.met) buf[o++] = bool(m);
    buf[o++] = bool(a.uses);
    buf[o++] = bool(a.scale);
    buf[o++] = this.intern(a.group);
    buf[o++] = this.intern(a.cls);
    buf[o++] = this.intern(a.retrofit);
    return seq;
  }

  get(seq: number): CompanyAggregate {
    const buf = this.chunks[Math.floor(seq / AggregateStore.CHUNK)]!;
    let o = (seq % AggregateStore.CHUNK) * this.width;
    const num = (x: number) => (Number.isNaN(x) ? null : x);
    const bool = (x: number) => (Number.isNaN(x) ? null : x === 1);
    const str = (x: number) => (Number.isNaN(x) ? undefined : this.strings[x]);
    const level = buf[o++]!;
    const score = buf[o++]!;
    const sections = this.layout.sections.map(() => num(buf[o++]!));
    const values = this.layout.indicators.map(() => num(buf[o++]!));
    const met = this.layout.indicators.map(() => bool(buf[o++]!));
    const uses = bool(buf[o++]!);
    const scale = bool(buf[o++]!);
    const group = str(buf[o++]!);
    const cls = str(buf[o++]!);
    const retrofit = str(buf[o++]!);
    return {
      level,
      score,
      sections,
      values,
      met,
      uses,
      ...(group !== undefined ? { group } : {}),
      ...(scale !== null ? { scale } : {}),
      ...(cls !== undefined ? { cls } : {}),
      ...(retrofit !== undefined ? { retrofit } : {}),
    };
  }

  levelAt(seq: number): number {
    return this.chunks[Math.floor(seq / AggregateStore.CHUNK)]![(seq % AggregateStore.CHUNK) * this.width]!;
  }

  /** One indicator of one company, without decoding the rest. */
  indicatorAt(seq: number, i: number): { value: number | null; met: boolean | null } {
    const buf = this.chunks[Math.floor(seq / AggregateStore.CHUNK)]!;
    const o = (seq % AggregateStore.CHUNK) * this.width + 2 + this.layout.sections.length;
    const v = buf[o + i]!;
    const m = buf[o + this.layout.indicators.length + i]!;
    return { value: Number.isNaN(v) ? null : v, met: Number.isNaN(m) ? null : m === 1 };
  }

  groupAt(seq: number): string | undefined {
    const buf = this.chunks[Math.floor(seq / AggregateStore.CHUNK)]!;
    const x = buf[(seq % AggregateStore.CHUNK) * this.width + this.width - 3]!;
    return Number.isNaN(x) ? undefined : this.strings[x];
  }

  *entries(skip?: (seq: number) => boolean): Generator<CompanyAggregate> {
    for (let i = 0; i < this.length; i++) if (!skip?.(i)) yield this.get(i);
  }
}

export const isDesignTool = (id: string) => id === DESIGN_TOOL_INDICATOR;
