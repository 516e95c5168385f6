// Preload for the crash-safety tests: every FileHandle.sync() waits ZHIZAO_SLOW_SYNC_MS (default 3000) first, so
// that a test can interrupt the CLI while an atomic write is in flight (the temp file exists, the rename has
// not happened). Used as NODE_OPTIONS=--import=<this file>.
import { promises as fs } from 'node:fs';

const probe = await fs.open(process.execPath, 'r');
const FileHandle = Object.getPrototypeOf(probe);
await probe.close();
const sync = FileHandle.sync;
FileHandle.sync = async function (...args) {
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.ZHIZAO_SLOW_SYNC_MS ?? 3000)));
  return sync.apply(this, args);
};
