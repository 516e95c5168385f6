import type { Context } from '../program.js';
import { UsageError } from '../errors.js';

export async function run(_ctx: Context): Promise<number> {
  throw new UsageError('zhizao assess is not available in this build yet');
}
