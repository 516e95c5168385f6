import { CommanderError, type Command } from 'commander';
import { InputError } from '../core/diagnostics.js';
import { FileExistsError, FileInUseError, removeTempFilesSync } from '../io/temp-files.js';
import { EXIT, ExitError, UsageError } from './errors.js';
import { checkLangFits, contextFor, type Context } from './context.js';
import { buildProgram } from './program.js';
import { displayPath } from '../io/paths.js';
import type { Lang } from '../core/types.js';
import { detectLang } from './env.js';
import { invocation } from './invocation.js';

/** Run the CLI; returns the exit code. The only place that maps errors to exit codes. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  process.once('exit', removeTempFilesSync);
  // Interrupted — Ctrl-C outside a prompt, a service manager's SIGTERM, a terminal or SSH session closed (SIGHUP; a
  // console window closed on Windows), Ctrl-\ (SIGQUIT), Ctrl-Break on Windows (SIGBREAK): no temp file, spool or
  // unfinished output stays behind. A signal without a listener ends the process without its 'exit' handlers.
  const signals = [['SIGINT', EXIT.interrupted], ['SIGTERM', 143], ['SIGHUP', 129], ['SIGQUIT', 131], ['SIGBREAK', EXIT.interrupted]] as const;
  for (const [sig, exit] of signals) {
    process.once(sig, () => {
      removeTempFilesSync();
      process.exit(exit);
    });
  }
  // `zhizao report … | head`: the reader went away; stop quietly as other command-line tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(code);
    throw e;
  });
  const program = buildProgram(
    async (load, cmd, args) => {
      const ctx = await contextFor(cmd);
      try {
        checkLangFits(cmd.name(), ctx.opts);
        const mod = await load();
        code = await mod.run(ctx, ...args);
      } catch (e) {
        code = handleError(e, ctx);
      }
    },
    langOf(argv),
    invocation,
  );
  exitOverrideAll(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      // `zhizao help`: asked for (0); bare `zhizao` or `zhizao targets`: help shown because no command was given (2).
      if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return EXIT.usage;
    }
    throw e;
  }
  return code;
}

/** The language of help and usage errors: --lang on the command line (before commander has parsed it), else the locale. */
function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v === 'zh' || v === 'en') return v;
  }
  return detectLang();
}

function exitOverrideAll(cmd: Command) {
  cmd.exitOverride();
  for (const sub of cmd.commands) exitOverrideAll(sub);
}

function handleError(e: unknown, ctx: Context): number {
  const { term } = ctx;
  if (e instanceof InputError) {
    term.diagnostics(e.diagnostics);
    return EXIT.invalid;
  }
  if (e instanceof UsageError) {
    term.say(term.err.red(term.msg(e.code, e.args)));
    return EXIT.usage;
  }
  if (e instanceof ExitError) return e.code;
  if (e instanceof FileExistsError) {
    term.say(term.err.red(term.msg('cli.exists-use-force', { file: displayPath(e.file) })));
    return EXIT.usage;
  }
  // an output open in Excel/WPS/Word (wherever it was written: a batch's tables, its reports…), named as the user knows it
  if (e instanceof FileInUseError) {
    term.say(term.err.red(term.msg('cli.unwritable-in-use', { file: displayPath(e.file) })));
    return EXIT.usage;
  }
  if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) return EXIT.interrupted;
  // An internal error: say so plainly, with the stack only when asked for.
  const err = e as Error;
  term.say(term.err.red(term.msg('cli.internal-error', { detail: err.message })));
  if (process.env.ZHIZAO_DEBUG) term.say(String(err.stack));
  return EXIT.usage;
}
