import { unlinkSync } from 'node:fs';

/** Kept apart from the writer so that the start-up path (main.ts) loads neither node:crypto nor the writer. */
export class FileExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} exists`);
  }
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
