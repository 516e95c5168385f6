import { DEFAULT_TABLE_FILE_BYTES } from '../../core/limits.js';
import { DEFAULT_ZIP_CAPS, type ZipCaps } from './zip-guard.js';

/** Caps for table inputs (CSV/XLSX); documented in docs/batch.md. */
export interface TableLimits {
  /** Largest CSV/XLSX file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest number of data rows in one table. */
  maxRows: number;
  zip: ZipCaps;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = { maxFileBytes: DEFAULT_TABLE_FILE_BYTES, maxRows: 100_000, zip: DEFAULT_ZIP_CAPS };

/** --max-file-size raises (or lowers) the table file cap; the uncompressed cap of an XLSX is 10× that, at least the default. */
export function tableLimitsFrom(opts: { maxFileSize?: unknown; maxRows?: unknown }): TableLimits {
  const size = typeof opts.maxFileSize === 'number' ? opts.maxFileSize : undefined;
  return {
    maxFileBytes: size ?? DEFAULT_TABLE_LIMITS.maxFileBytes,
    maxRows: typeof opts.maxRows === 'number' ? opts.maxRows : DEFAULT_TABLE_LIMITS.maxRows,
    zip: { ...DEFAULT_ZIP_CAPS, ...(size !== undefined ? { maxUncompressed: Math.max(10 * size, DEFAULT_ZIP_CAPS.maxUncompressed) } : {}) },
  };
}
