import type { Context } from './program.js';
import type { Plant } from './pipeline.js';
import { UsageError } from './errors.js';

/** Several interviews of one plant merged in memory (score/report --merge). */
export async function mergePlantFiles(_ctx: Context, _files: string[]): Promise<Plant> {
  throw new UsageError('--merge is not available in this build yet');
}
