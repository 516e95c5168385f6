import type { Context } from '../program.js';
import { UsageError } from '../errors.js';

export async function run(_ctx: Context): Promise<number> {
  throw new UsageError('zhizao compare is not available in this build yet');
}
