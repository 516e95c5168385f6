import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocation, type InvocationEnv } from '../../src/cli/invocation.js';

function env(files: string[], over: Partial<InvocationEnv> & { vars?: NodeJS.ProcessEnv } = {}): InvocationEnv {
  const set = new Set(files.map((f) => path.resolve(f)));
  return {
    env: over.vars ?? { PATH: '/usr/local/bin:/usr/bin' },
    script: over.script ?? '/opt/zhizao/bin/zhizao.js',
    cwd: over.cwd ?? '/home/wang/plants',
    platform: over.platform ?? 'linux',
    isFile: (p) => set.has(path.resolve(p)),
    readText: over.readText ?? (() => undefined),
  };
}

describe('invocation: the command printed for the user to run next', () => {
  it('zhizao when it is on PATH (a global install)', () => {
    expect(invocation(env(['/usr/local/bin/zhizao']))).toBe('zhizao');
  });
  it('npx zhizao when npx started this run, even though npx put its own bin folder on PATH', () => {
    const vars = { PATH: '/home/wang/plants/node_modules/.bin:/usr/bin', npm_command: 'exec', npm_lifecycle_event: 'npx' };
    expect(invocation(env(['/home/wang/plants/node_modules/.bin/zhizao'], { vars }))).toBe('npx zhizao');
  });
  it('npx zhizao inside a project that has it installed, or in the zhizao checkout itself', () => {
    expect(invocation(env(['/home/wang/plants/node_modules/.bin/zhizao'], { cwd: '/home/wang/plants/2026' }))).toBe('npx zhizao');
    expect(invocation(env([], { cwd: '/src/zhizao/examples', readText: (p) => (p === path.resolve('/src/zhizao/package.json') ? '{"name": "zhizao"}' : undefined) }))).toBe('npx zhizao');
  });
  it('node <launcher> anywhere else', () => {
    expect(invocation(env([]))).toBe('node /opt/zhizao/bin/zhizao.js');
    expect(invocation(env([], { script: '/opt/my tools/zhizao/bin/zhizao.js' }))).toBe('node "/opt/my tools/zhizao/bin/zhizao.js"');
  });
  it('Windows: zhizao.cmd on Path', () => {
    expect(invocation(env(['C:\\npm\\zhizao.cmd'], { platform: 'win32', vars: { Path: 'C:\\npm;C:\\Windows', PATHEXT: '.COM;.EXE;.BAT;.CMD' } }))).toBe('zhizao');
  });
});
