import { writeFileAtomic } from '../io/atomic-write.js';
import { displayPath } from '../io/paths.js';
import type { Context } from './program.js';

/** Write a command's product: to stdout when OUT is absent or '-', else atomically to the file (no overwrite without --force). */
export async function writeOutput(ctx: Context, content: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
    process.stdout.write(content);
    return;
  }
  await writeFileAtomic(out, content, { force: Boolean(ctx.opts.force) });
  ctx.term.say(ctx.term.t({ zh: `已写入 ${displayPath(out)}`, en: `wrote ${displayPath(out)}` }));
}
