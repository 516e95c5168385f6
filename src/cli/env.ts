import type { Lang } from '../core/types.js';

/** The language default: LC_ALL, LC_MESSAGES, LANG, then the OS locale, then zh. */
export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  let neutral = false;
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const v = env[key];
    if (!v) continue;
    if (/^(C|POSIX)(\.|$)/i.test(v)) {
      neutral = true;
      continue;
    }
    return /^zh/i.test(v) ? 'zh' : 'en';
  }
  // C / POSIX (containers, CI) state no language; the OS locale is then ICU's default, not the user's: Chinese.
  if (neutral) return 'zh';
  try {
    const locale = Intl.DateTimeFormat().resolvedOptions().locale;
    if (locale && locale !== 'und') return /^zh/i.test(locale) ? 'zh' : 'en';
  } catch {
    /* no ICU locale */
  }
  return 'zh';
}

/** Colour on stderr: NO_COLOR (non-empty) turns it off, FORCE_COLOR forces it, otherwise only on a terminal. */
export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): boolean {
  if (argv.includes('--no-color')) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}
