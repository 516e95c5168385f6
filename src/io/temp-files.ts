import { promises as fs, rmSync, unlinkSync } from 'node:fs';

/** Kept apart from the writer so that the start-up path (main.ts) loads neither node:crypto nor the writer. */
export class FileExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} exists`);
  }
}

/**
 * An output that cannot be replaced because another program has it open (Excel, WPS and Word open files without
 * letting them be replaced or written: renaming over one, or opening it for writing, fails). `file` is the output's
 * own name, never the temp file's.
 */
export class FileInUseError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    super(`${file} is in use by another program (${code})`);
  }
}

/**
 * Whether an error from renaming over, or opening for writing, an existing file means that another program has it
 * open: EBUSY anywhere (a sharing violation); on Windows also EPERM/EACCES (ERROR_ACCESS_DENIED, what MoveFileEx
 * gives for a target open in Excel). Elsewhere EPERM/EACCES are permissions.
 */
export function inUseCode(code: string | undefined, platform: NodeJS.Platform = process.platform): boolean {
  return code === 'EBUSY' || (platform === 'win32' && (code === 'EPERM' || code === 'EACCES'));
}

/** Temporary files still on disk; removed on every exit path (see removeTempFilesSync). */
export const pending = new Set<string>();

export function removeTempFilesSync(): void {
  for (const f of pending) {
    try {
      unlinkSync(f);
    } catch {
      /* already gone */
    }
    pending.delete(f);
  }
}

/**
 * How a temporary folder is removed once it is no longer needed: Windows virus scanners, the indexer and OneDrive open
 * files just closed and hold them for a moment (EBUSY, EPERM, ENOTEMPTY), so the removal is retried for about a
 * second. Housekeeping only: a folder that still cannot be removed is left where it is (false), never an error.
 */
const RM_RETRIES = { recursive: true, force: true, maxRetries: 6, retryDelay: 100 } as const;

export async function removeTempFolder(dir: string): Promise<boolean> {
  return fs.rm(dir, RM_RETRIES).then(() => true, () => false);
}

/** removeTempFolder, synchronous (an exit handler); shorter waits, as the process is exiting. */
export function removeTempFolderSync(dir: string): boolean {
  try {
    rmSync(dir, { ...RM_RETRIES, maxRetries: 3, retryDelay: 50 });
    return true;
  } catch {
    return false;
  }
}
