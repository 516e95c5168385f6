import { createInflateRaw } from 'node:zlib';

/** Caps applied to an XLSX (a ZIP archive) before any library expands it. */
export interface ZipCaps {
  /** Sum of the uncompressed sizes of all entries. */
  maxUncompressed: number;
  maxEntries: number;
  /** Largest uncompressed/compressed ratio for an entry above 1 MiB uncompressed. */
  maxRatio: number;
}

export const DEFAULT_ZIP_CAPS: ZipCaps = { maxUncompressed: 256 * 1024 * 1024, maxEntries: 10_000, maxRatio: 1000 };

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export type ZipCheck =
  | { ok: true; entries: ZipEntry[]; totalUncompressed: number; texts: Map<string, string>; merges: Map<string, string[]> }
  | { ok: false; code: 'xlsx.not-zip' | 'xlsx.zip-bomb' | 'xlsx.encrypted' | 'xlsx.unreadable'; detail: string };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;
const MiB = 1024 * 1024;

const fail = (code: Extract<ZipCheck, { ok: false }>['code'], detail: string): ZipCheck => ({ ok: false, code, detail });

/** Reads the End-of-central-directory record and the central directory (ZIP64 included); never inflates. */
export function readCentralDirectory(buf: Buffer): { ok: true; entries: ZipEntry[] } | Extract<ZipCheck, { ok: false }> {
  try {
    return readCentralDirectoryUnchecked(buf);
  } catch (e) {
    // Offsets pointing outside the file (a corrupt or crafted archive): unreadable, never an internal error.
    if (e instanceof RangeError) return fail('xlsx.unreadable', 'corrupt ZIP structure') as Extract<ZipCheck, { ok: false }>;
    throw e;
  }
}

function readCentralDirectoryUnchecked(buf: Buffer): { ok: true; entries: ZipEntry[] } | Extract<ZipCheck, { ok: false }> {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    return fail('xlsx.encrypted', 'OLE compound file') as Extract<ZipCheck, { ok: false }>;
  }
  if (buf.length < 22) return fail('xlsx.not-zip', 'file too short') as Extract<ZipCheck, { ok: false }>;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return fail('xlsx.not-zip', 'no end-of-central-directory record') as Extract<ZipCheck, { ok: false }>;
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
    const off = Number(buf.readBigUInt64LE(eocd - 20 + 8));
    if (off + 56 > buf.length || buf.readUInt32LE(off) !== EOCD64) return fail('xlsx.not-zip', 'bad ZIP64 record') as Extract<ZipCheck, { ok: false }>;
    count = Number(buf.readBigUInt64LE(off + 32));
    cdSize = Number(buf.readBigUInt64LE(off + 40));
    cdOffset = Number(buf.readBigUInt64LE(off + 48));
  }
  if (cdOffset + cdSize > buf.length) return fail('xlsx.not-zip', 'central directory outside the file') as Extract<ZipCheck, { ok: false }>;
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH) return fail('xlsx.not-zip', `bad central directory entry ${n + 1}`) as Extract<ZipCheck, { ok: false }>;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extended information extra field (id 1): the 8-byte values replace the 0xFFFFFFFF ones, in order.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = buf.readUInt16LE(e);
      const size = buf.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          uncompressedSize = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          compressedSize = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + size) localOffset = Number(buf.readBigUInt64LE(q));
      }
      e += 4 + size;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset });
    p = end + commentLen;
  }
  return { ok: true, entries };
}

/**
 * Refuse an archive that would expand beyond the caps: first by the sizes the central directory declares
 * (no inflation at all), then by inflating each entry while counting, stopping as soon as an entry produces more
 * than it declared (fake sizes) or the running total passes the cap. Only then may a library unpack it.
 * Returns the text of the small entries named in `keep` (e.g. xl/workbook.xml).
 */
export async function checkZip(buf: Buffer, caps: ZipCaps = DEFAULT_ZIP_CAPS, keep: ReadonlySet<string> = new Set()): Promise<ZipCheck> {
  const cd = readCentralDirectory(buf);
  if (!cd.ok) return cd;
  const { entries } = cd;
  if (entries.length > caps.maxEntries) return fail('xlsx.zip-bomb', `${entries.length} entries (limit ${caps.maxEntries})`);
  let declared = 0;
  for (const en of entries) {
    if (en.flags & 1) return fail('xlsx.encrypted', `entry ${en.name} is encrypted`);
    declared += en.uncompressedSize;
    if (declared > caps.maxUncompressed) return fail('xlsx.zip-bomb', `declared uncompressed size above ${fmt(caps.maxUncompressed)}`);
    if (en.uncompressedSize > MiB && en.uncompressedSize / Math.max(1, en.compressedSize) > caps.maxRatio)
      return fail('xlsx.zip-bomb', `entry ${en.name} expands ${Math.round(en.uncompressedSize / Math.max(1, en.compressedSize))}:1 (limit ${caps.maxRatio}:1)`);
  }
  const texts = new Map<string, string>();
  const merges = new Map<string, string[]>();
  let total = 0;
  for (const en of entries) {
    const h = en.localOffset;
    if (h + 30 > buf.length || buf.readUInt32LE(h) !== LFH) return fail('xlsx.not-zip', `bad local header for ${en.name}`);
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    if (start + en.compressedSize > buf.length) return fail('xlsx.not-zip', `entry ${en.name} runs past the end of the file`);
    const data = buf.subarray(start, start + en.compressedSize);
    const want = keep.has(en.name);
    // a worksheet's merged ranges, found as it is inflated here anyway (they are stored after its rows)
    const refs = WORKSHEET.test(en.name) ? new MergeRefs() : undefined;
    if (en.method === 0) {
      if (en.compressedSize !== en.uncompressedSize) return fail('xlsx.zip-bomb', `stored entry ${en.name} has inconsistent sizes`);
      total += en.uncompressedSize;
      if (want) texts.set(en.name, data.toString('utf8'));
      refs?.scan(data);
    } else {
      if (en.method !== 8) return fail('xlsx.unreadable', `entry ${en.name} uses compression method ${en.method}`);
      const r = await inflateCounting(data, Math.min(en.uncompressedSize, caps.maxUncompressed - total), want, refs);
      if (!r.ok) return fail(r.code, `${en.name}: ${r.detail}`);
      // A part shorter than its declared size is damaged: refused here, before any of its rows is read (a sheet would
      // otherwise be read, and the damage met only in a part stored after it)
      if (r.size !== en.uncompressedSize) return fail('xlsx.unreadable', `${en.name}: uncompressed data size mismatch (${r.size} of ${en.uncompressedSize} bytes)`);
      total += r.size;
      if (want && r.text !== undefined) texts.set(en.name, r.text);
    }
    if (refs?.refs.length) merges.set(en.name, refs.refs);
  }
  return { ok: true, entries, totalUncompressed: total, texts, merges };
}

/** A worksheet part of a workbook. */
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** At most this many merged ranges are kept per sheet (a sheet's layout has a few; the rest are not looked at). */
const MAX_MERGES = 10_000;

/**
 * The `ref` of each `<mergeCell ref="A3:D3"/>` in a worksheet's XML, scanned chunk by chunk as it is inflated (a
 * byte search; the tail of a chunk is kept so that a tag split between two is found whole).
 */
export class MergeRefs {
  readonly refs: string[] = [];
  private carry: Buffer = Buffer.alloc(0);
  scan(chunk: Buffer): void {
    if (this.refs.length >= MAX_MERGES) return;
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let from = 0;
    // what is kept for the next chunk: a tag begun and not closed (no longer than a tag can be), else the last bytes
    let keepFrom = Math.max(0, buf.length - CARRY);
    for (;;) {
      const at = buf.indexOf(MERGE_TAG, from);
      if (at === -1) break;
      const close = buf.indexOf(TAG_END, at);
      if (close === -1) {
        if (buf.length - at <= CARRY) keepFrom = at;
        break;
      }
      const ref = /\bref="([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})"/.exec(buf.toString('latin1', at, close))?.[1];
      if (ref && this.refs.length < MAX_MERGES) this.refs.push(ref);
      from = close + 1;
    }
    this.carry = Buffer.from(buf.subarray(Math.max(keepFrom, from)));
  }
}
const MERGE_TAG = Buffer.from('<mergeCell ');
const TAG_END = Buffer.from('>');
/** Longer than any `<mergeCell ref="…"/>` tag. */
const CARRY = 128;

function inflateCounting(data: Buffer, limit: number, keep: boolean, refs?: MergeRefs): Promise<{ ok: true; size: number; text?: string } | { ok: false; code: 'xlsx.zip-bomb' | 'xlsx.unreadable'; detail: string }> {
  return new Promise((resolve) => {
    const z = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    let done = false;
    const chunks: Buffer[] = [];
    const finish = (v: Parameters<typeof resolve>[0]) => {
      if (done) return;
      done = true;
      resolve(v);
    };
    z.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        finish({ ok: false, code: 'xlsx.zip-bomb', detail: `inflates beyond its declared size or the cap (${fmt(limit)})` });
        z.destroy();
        return;
      }
      if (keep) chunks.push(c);
      refs?.scan(c);
    });
    z.on('error', (e) => finish({ ok: false, code: 'xlsx.unreadable', detail: e.message }));
    z.on('end', () => finish({ ok: true, size, ...(keep ? { text: Buffer.concat(chunks).toString('utf8') } : {}) }));
    z.end(data);
  });
}

const fmt = (n: number) => (n >= MiB ? `${Math.round(n / MiB)} MiB` : `${n} bytes`);
