// A command whose output is not coloured does not load chalk (src/cli/terminal.ts plainChalk): what it prints must
// be what chalk prints at colour level 0, for every style the CLI uses, chained or not, with any arguments.
import { Chalk, type ChalkInstance } from 'chalk';
import { describe, expect, it } from 'vitest';
import { plainChalk } from '../../src/cli/terminal';

const chalk = new Chalk({ level: 0 });
const plain = plainChalk();
const uses: [string, (c: ChalkInstance) => string][] = [
  ['red', (c) => c.red('文字 text')],
  ['yellow', (c) => c.yellow('a', 'b', 3)],
  ['green of a number', (c) => c.green(42 as unknown as string)],
  ['bold of nothing', (c) => c.bold()],
  ['dim of an empty string', (c) => c.dim('')],
  ['cyan of undefined', (c) => c.cyan(undefined as unknown as string)],
  ['a chain', (c) => c.bold.red.underline('x')],
  ['a style factory', (c) => c.hex('#ff0000').bgRgb(1, 2, 3)('y')],
  ['visible', (c) => c.visible('z') + c.red.visible('z') + c.visible.red('z')],
];

describe('plainChalk is chalk at colour level 0', () => {
  it.each(uses)('%s', (_name, use) => {
    expect(use(plain)).toBe(use(chalk));
  });
  it('says its level is 0', () => {
    expect(plain.level).toBe(chalk.level);
  });
});

describe('plainChalk is not a promise', () => {
  it('awaiting it gives it back at once (no then), and it has no symbol protocols', async () => {
    const c = plainChalk();
    expect((c as unknown as { then?: unknown }).then).toBeUndefined();
    expect(await Promise.race([Promise.resolve(c).then(() => 'resolved'), new Promise((r) => setTimeout(() => r('hung'), 200))])).toBe('resolved');
    expect(c.bold.red('x')).toBe('x');
  });
});
