import type { Command } from 'commander';
import { DEFAULT_LIMITS, type Limits } from '../core/limits.js';
import type { Definitions } from '../io/definitions.js';
import type { GlobalOptions } from './options.js';
import type { Terminal } from './terminal.js';
import { UsageError } from './errors.js';

/** What every command receives: the terminal, the definition loader, and its options (typed per command). */
export interface Context<O extends GlobalOptions = GlobalOptions> {
  term: Terminal;
  defs: Definitions;
  opts: O;
}

export function limitsFrom(opts: GlobalOptions): Limits {
  return {
    ...DEFAULT_LIMITS,
    ...(typeof opts.maxFileSize === 'number' ? { maxBytes: opts.maxFileSize } : {}),
    ...(typeof opts.maxAliases === 'number' ? { maxAliases: opts.maxAliases } : {}),
  };
}

/** The context of a running command; its modules load here, not at start-up, so `--help` stays fast. */
export async function contextFor(cmd: Command): Promise<Context> {
  const [{ detectLang }, { openTerminal }, { Definitions }] = await Promise.all([import('./env.js'), import('./terminal.js'), import('../io/definitions.js')]);
  // commander holds the options the command declared (program.ts); each command reads them through its own type.
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  // `--lang both` is a report in both languages; its messages follow the locale
  const lang = opts.lang === undefined || opts.lang === 'both' ? detectLang() : opts.lang;
  return { term: await openTerminal(lang), defs: new Definitions(limitsFrom(opts)), opts };
}

/** `--lang both` asks for a report in both languages: only `report` writes one. */
export function checkLangFits(command: string, opts: GlobalOptions): void {
  if (opts.lang === 'both' && command !== 'report') throw new UsageError('cli.lang-both-report-only', { command });
}
