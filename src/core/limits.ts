/** Input limits shared by every reader; raisable from the command line. */
export interface Limits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Largest number of YAML alias expansions. */
  maxAliases: number;
  /** Deepest nesting of maps and lists. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = { maxBytes: 5 * 1024 * 1024, maxAliases: 100, maxDepth: 64 };

/** Largest CSV/XLSX table batch reads by default, in bytes (io/tables/limits.ts; `--help` states it without loading the table readers). */
export const DEFAULT_TABLE_FILE_BYTES = 64 * 1024 * 1024;
