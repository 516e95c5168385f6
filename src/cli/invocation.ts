/**
 * How the person runs zhizao from where they are, for the commands the tool prints (`继续访谈：zhizao assess …`,
 * `zhizao report …`, help examples): `zhizao` when that name is on their PATH (a global install), `npx zhizao`
 * inside a project that has it installed (or when npx started this run), else `node <launcher path>`.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface InvocationEnv {
  env: NodeJS.ProcessEnv;
  /** The script node was started with (process.argv[1]). */
  script: string | undefined;
  cwd: string;
  platform: NodeJS.Platform;
  isFile(p: string): boolean;
  readText(p: string): string | undefined;
}

function defaultEnv(): InvocationEnv {
  return {
    env: process.env,
    script: process.argv[1],
    cwd: process.cwd(),
    platform: process.platform,
    isFile: (p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    },
    readText: (p) => {
      try {
        // A package.json is small; read only to see whether this project is zhizao itself.
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** A folder npm put on PATH for this one run (`npm exec`, `npx`, `npm run`): not the person's own PATH. */
const NPM_RUN_DIR = /[\\/]node_modules[\\/]\.bin$|[\\/]_npx[\\/]|[\\/]node-gyp-bin$/i;

/** Is `name` an executable found on PATH (PATHEXT on Windows)? Folders npm added for this run do not count. */
export function onPath(name: string, e: InvocationEnv): boolean {
  const byNpm = Boolean(e.env.npm_lifecycle_event || e.env.npm_command);
  const raw = e.env.PATH ?? e.env.Path ?? '';
  const P = e.platform === 'win32' ? path.win32 : path.posix;
  const sep = P.delimiter;
  const exts = e.platform === 'win32' ? [...new Set((e.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean).map((x) => x.toLowerCase()))] : [''];
  for (const dir of raw.split(sep)) {
    if (!dir || (byNpm && NPM_RUN_DIR.test(dir.replace(/[\\/]+$/, '')))) continue;
    for (const ext of exts) if (e.isFile(P.join(dir, name + ext))) return true;
  }
  return false;
}

/** Is there a project from `cwd` up whose `npx zhizao` runs this tool (zhizao installed in it, or zhizao itself)? */
function npxFinds(e: InvocationEnv): boolean {
  const P = e.platform === 'win32' ? path.win32 : path.posix;
  let dir = P.resolve(e.cwd);
  for (;;) {
    if (e.isFile(P.join(dir, 'node_modules', '.bin', e.platform === 'win32' ? 'zhizao.cmd' : 'zhizao'))) return true;
    const pkg = e.readText(P.join(dir, 'package.json'));
    if (pkg !== undefined && /"name"\s*:\s*"zhizao"/.test(pkg)) return true;
    const up = P.dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

const quote = (s: string) => (/^[\w@%+=:,./\\-]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`);

let cached: string | undefined;

/** The command that starts zhizao where the person is: `zhizao`, `npx zhizao` or `node …/bin/zhizao.js`. */
export function invocation(e?: InvocationEnv): string {
  if (!e && cached !== undefined) return cached;
  const env = e ?? defaultEnv();
  let out: string;
  if (onPath('zhizao', env)) out = 'zhizao';
  else if (env.env.npm_command === 'exec' || env.env.npm_lifecycle_event === 'npx' || npxFinds(env) || !env.script) out = 'npx zhizao';
  else out = `node ${quote(env.script)}`;
  if (!e) cached = out;
  return out;
}
