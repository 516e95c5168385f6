import { Command, InvalidArgumentError, Option, type Argument, type ErrorOptions } from 'commander';
import { DEFAULT_LIMITS, DEFAULT_TABLE_FILE_BYTES } from '../core/limits.js';
import type { Lang } from '../core/types.js';
import { formatMessage, type MessageArgs, type MessageCode } from '../messages/catalogue.js';
import type { Context } from './context.js';
import { VERSION as version } from '../io/paths.js';
import { FILES_PER_WORKER, REPORT_FILES_PER_WORKER } from '../app/batch/files-per-worker.js';

// Each command declares its own argument and option types (src/cli/options.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (ctx: Context<any>, ...args: any[]) => Promise<number>;

type HelpCode = Extract<MessageCode, `help.${string}`>;

const TITLES: Record<string, HelpCode> = {
  'Usage:': 'help.title-usage',
  'Options:': 'help.title-options',
  'Commands:': 'help.title-commands',
  'Arguments:': 'help.title-arguments',
  'Global Options:': 'help.title-global-options',
};

/**
 * commander's own error texts (unknown command, missing argument, bad choice…) in the user's language. commander
 * 14 writes them in English with a stable form per error code; the names and values in them are kept as typed.
 */
export function localiseCommanderError(message: string, code: string | undefined, lang: Lang): string {
  if (lang === 'en') return message;
  const h = (c: HelpCode, args: MessageArgs = {}) => formatMessage(c, args, lang);
  const [first = '', ...rest] = message.split('\n');
  const suggestion = rest.join('\n').match(/^\(Did you mean (?:one of )?(.+)\?\)$/);
  const tail = suggestion ? `\n${h('help.did-you-mean', { names: suggestion[1]! })}` : rest.length ? `\n${rest.join('\n')}` : '';
  let m: RegExpMatchArray | null;
  switch (code) {
    case 'commander.unknownCommand':
      if ((m = first.match(/^error: unknown command '(.*)'$/))) return h('help.unknown-command', { name: m[1]! }) + tail;
      break;
    case 'commander.unknownOption':
      if ((m = first.match(/^error: unknown option '(.*)'$/))) return h('help.unknown-option', { name: m[1]! }) + tail;
      break;
    case 'commander.missingArgument':
      if ((m = first.match(/^error: missing required argument '(.*)'$/))) return h('help.missing-argument', { name: m[1]! });
      break;
    case 'commander.optionMissingArgument':
      if ((m = first.match(/^error: option '(.*)' argument missing$/))) return h('help.option-missing-argument', { name: m[1]! });
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = first.match(/^error: required option '(.*)' not specified$/))) return h('help.missing-mandatory-option', { name: m[1]! });
      break;
    case 'commander.excessArguments':
      if ((m = first.match(/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/)))
        return h('help.too-many-arguments', { for: m[1] ? h('help.too-many-for', { name: m[1] }) : '', expected: m[2]!, got: m[3]! });
      break;
    case 'commander.invalidArgument':
      if ((m = first.match(/^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/))) {
        const choices = m[3]!.match(/^Allowed choices are (.*)\.$/);
        return h('help.invalid-option-value', { name: m[1]!, value: m[2]!, reason: choices ? h('help.allowed-choices', { list: choices[1]! }) : m[3]! });
      }
      break;
  }
  return first.replace(/^error: /, h('help.error-prefix')) + tail;
}

/**
 * Build the command table in the user's language; each action loads its module only when it runs (start-up
 * stays light). `invocation` gives the command as it runs where the user is, for the examples (asked for only
 * when help is shown).
 */
export function buildProgram(
  run: (handler: () => Promise<{ run: Handler }>, cmd: Command, args: unknown[]) => Promise<void>,
  lang: Lang = 'en',
  invocation: () => string = () => 'zhizao',
): Command {
  const h = (code: HelpCode, args: MessageArgs = {}) => formatMessage(code, args, lang);
  const positiveInt = (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(h('help.positive-int'));
    return n;
  };
  const byteSize = (value: string): number => {
    const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
    if (!m) throw new InvalidArgumentError(h('help.byte-size'));
    const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
    return Math.floor(Number(m[1]) * mult);
  };
  // An option that takes one value, given twice (`-o a.xlsx -o b.csv`): a usage error, not the last one silently.
  const once = (value: string, previous: string | undefined): string => {
    if (previous !== undefined) throw new InvalidArgumentError(h('help.given-twice', { first: previous, second: value }));
    return value;
  };
  const examples = (code: HelpCode) => () => `\n${h('help.title-examples')}\n${h(code, { cmd: invocation() }).split('\n').map((l) => `  $ ${l}`).join('\n')}\n`;
  const extra = (choices: readonly string[] | undefined, def: unknown, showDefault: boolean) => {
    const parts: string[] = [];
    if (choices) parts.push(h('help.choices', { list: choices.map((c) => JSON.stringify(c)).join(', ') }));
    if (def !== undefined && showDefault) parts.push(h('help.default', { value: JSON.stringify(def) }));
    return parts.length ? (lang === 'zh' ? `（${parts.join('；')}）` : `(${parts.join(', ')})`) : '';
  };

  /** A command whose subcommands and errors speak the user's language. */
  class LocalCommand extends Command {
    override createCommand(name?: string): Command {
      return new LocalCommand(name);
    }
    override error(message: string, errorOptions?: ErrorOptions): never {
      return super.error(localiseCommanderError(message, errorOptions?.code, lang), errorOptions);
    }
  }

  const program = new LocalCommand('zhizao');
  // Settings copied to every subcommand when it is created: set them first.
  program
    .configureHelp({
      styleTitle: (title) => (TITLES[title] ? h(TITLES[title]) : title),
      optionDescription: (option: Option) => {
        const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
        const info = extra(option.argChoices, option.defaultValue, showDefault);
        return [option.description, info].filter(Boolean).join(lang === 'zh' ? '' : ' ');
      },
      argumentDescription: (argument: Argument) => {
        const info = extra(argument.argChoices, argument.defaultValue, true);
        return [argument.description, info].filter(Boolean).join(lang === 'zh' ? '' : ' ');
      },
    })
    .helpOption('-h, --help', h('help.help-option'))
    .helpCommand('help [command]', h('help.help-command'))
    .showHelpAfterError(h('help.after-error'));
  program
    .description(h('help.program'))
    .version(version, '-V, --version', h('help.version-option'))
    .addOption(new Option('--lang <lang>', h('help.opt-lang')).choices(['zh', 'en', 'both']))
    .option('--questionnaire <id|path>', h('help.opt-questionnaire'))
    .option('--max-file-size <size>', h('help.opt-max-file-size', { size: `${DEFAULT_LIMITS.maxBytes / 1024 / 1024}MB`, tableSize: `${DEFAULT_TABLE_FILE_BYTES / 1024 / 1024}MB` }), byteSize)
    .option('--max-aliases <n>', h('help.opt-max-aliases', { count: DEFAULT_LIMITS.maxAliases }), positiveInt)
    .option('--no-color', h('help.opt-no-color'))
    .addHelpText('after', examples('help.program-examples'));
  const action = (load: () => Promise<{ run: Handler }>) =>
    async function (this: Command, ...args: unknown[]) {
      await run(load, this, args.slice(0, -2));
    };

  program
    .command('validate')
    .description(h('help.validate'))
    .argument('<files...>', h('help.validate-files'))
    .option('--definition', h('help.validate-definition'))
    .option('--json', h('help.opt-json'))
    .option('--map <file>', h('help.opt-map'))
    .option('--max-rows <n>', h('help.opt-max-rows'), positiveInt)
    .option('--strict', h('help.validate-strict'))
    .option('--require-evidence', h('help.validate-require-evidence'))
    .addHelpText('after', examples('help.validate-examples'))
    .action(action(() => import('./commands/validate.js')));

  program
    .command('template')
    .description(h('help.template'))
    .addOption(new Option('--format <format>', h('help.template-format')).choices(['yaml', 'csv', 'xlsx', 'xlsx-form']).default('yaml'))
    .option('-o, --output <file>', h('help.template-output'), once)
    .option('--force', h('help.opt-force'))
    .option('--industry <type>', h('help.template-industry'))
    .addOption(new Option('--mode <mode>', h('help.template-mode')).choices(['express', 'full']))
    .addHelpText('after', examples('help.template-examples'))
    .action(action(() => import('./commands/template.js')));

  const questionnaire = program.command('questionnaire').description(h('help.questionnaire'));
  questionnaire
    .command('list')
    .description(h('help.questionnaire-list'))
    .option('--json', h('help.opt-json'))
    .action(action(() => import('./commands/questionnaire-list.js')));
  questionnaire
    .command('show')
    .description(h('help.questionnaire-show'))
    .argument('<id|path>', h('help.arg-id-or-path'))
    .option('--json', h('help.questionnaire-show-json'))
    .addHelpText('after', examples('help.questionnaire-examples'))
    .action(action(() => import('./commands/questionnaire-show.js')));

  const targets = program.command('targets').description(h('help.targets'));
  targets
    .command('list')
    .description(h('help.targets-list'))
    .option('--json', h('help.opt-json'))
    .action(action(() => import('./commands/targets-list.js')));
  targets
    .command('show')
    .description(h('help.targets-show'))
    .argument('<id|path>', h('help.arg-id-or-path'))
    .option('--json', h('help.opt-json'))
    .addHelpText('after', examples('help.targets-examples'))
    .action(action(() => import('./commands/targets-show.js')));

  program
    .command('score')
    .description(h('help.score'))
    .argument('<files...>', h('help.score-files'))
    .option('--targets <id|path>', h('help.opt-targets'))
    .option('--profile <id|path>', h('help.opt-profile'))
    .option('--json', h('help.score-json'))
    .option('--explain', h('help.score-explain'))
    .option('--merge', h('help.opt-merge'))
    .addHelpText('after', examples('help.score-examples'))
    .action(action(() => import('./commands/score.js')));

  program
    .command('report')
    .description(h('help.report'))
    .argument('<files...>', h('help.score-files'))
    .addOption(new Option('--format <format>', h('help.report-format')).choices(['md', 'html', 'docx', 'json']))
    .option('-o, --output <file>', h('help.report-output'), once)
    .option('--force', h('help.opt-force'))
    .option('--template <path>', h('help.report-template'))
    .option('--targets <id|path>', h('help.opt-targets'))
    .option('--profile <id|path>', h('help.opt-profile'))
    .option('--rules <id|path>', h('help.report-rules'))
    .addOption(new Option('--audience <audience>', h('help.report-audience')).choices(['client', 'office']).default('client'))
    .addOption(new Option('--report-lang <lang>', h('help.report-lang')).choices(['zh', 'en', 'both']))
    .option('--merge', h('help.opt-merge'))
    .addHelpText('after', examples('help.report-examples'))
    .action(action(() => import('./commands/report.js')));

  program
    .command('assess')
    .description(h('help.assess'))
    .argument('[file]', h('help.assess-file'))
    .addOption(new Option('--mode <mode>', h('help.assess-mode')).choices(['express', 'full']))
    .option('--sections <ids>', h('help.assess-sections'))
    .option('--show-levels', h('help.assess-show-levels'))
    .option('--anonymous-name', h('help.assess-anonymous'))
    .addHelpText('after', examples('help.assess-examples'))
    .action(action(() => import('./commands/assess.js')));

  program
    .command('compare')
    .description(h('help.compare'))
    .argument('<baseline>', h('help.compare-baseline'))
    .argument('<followup>', h('help.compare-followup'))
    .option('--targets <id|path>', h('help.opt-targets'))
    .option('--profile <id|path>', h('help.opt-profile'))
    .option('--json', h('help.compare-json'))
    .addOption(new Option('--format <format>', h('help.compare-format')).choices(['md', 'html', 'docx']))
    .option('-o, --output <file>', h('help.compare-output'), once)
    .option('--force', h('help.opt-force'))
    .option('--different-plants', h('help.compare-different-plants'))
    .addHelpText('after', examples('help.compare-examples'))
    .action(action(() => import('./commands/compare.js')));

  program
    .command('merge')
    .description(h('help.merge'))
    .argument('<files...>', h('help.merge-files'))
    .requiredOption('-o, --output <file>', h('help.merge-output'), once)
    .option('--prefer <file>', h('help.merge-prefer'))
    .option('--force', h('help.opt-force'))
    .option('--json', h('help.merge-json'))
    .addHelpText('after', examples('help.merge-examples'))
    .action(action(() => import('./commands/merge.js')));

  program
    .command('batch')
    .description(h('help.batch'))
    .argument('<inputs...>', h('help.batch-inputs'))
    .option('-o, --output <file>', h('help.batch-output'), once)
    .option('--json', h('help.batch-json'))
    .option('--map <file>', h('help.opt-map'))
    .option('--reports <dir>', h('help.batch-reports'))
    .addOption(new Option('--format <format>', h('help.batch-format')).choices(['md', 'html', 'docx']).default('md'))
    .option('--targets <id|path>', h('help.opt-targets'))
    .option('--profile <id|path>', h('help.opt-profile'))
    .option('--group-by <field>', h('help.batch-group-by'))
    .option('--anonymize', h('help.batch-anonymize'))
    .option('--min-group-size <n>', h('help.batch-min-group-size'), positiveInt)
    .option('--jobs <n>', h('help.batch-jobs', { count: FILES_PER_WORKER, reports: REPORT_FILES_PER_WORKER }), positiveInt)
    .option('--max-rows <n>', h('help.opt-max-rows'), positiveInt)
    .option('--force', h('help.batch-force'))
    .option('--dry-run', h('help.batch-dry-run'))
    .addOption(new Option('--on-bad-cell <mode>', h('help.batch-on-bad-cell')).choices(['reject', 'blank']).default('reject'))
    .option('--include-answers', h('help.batch-include-answers'))
    .option('--policy <id|path>', h('help.batch-policy'))
    .addHelpText('after', examples('help.batch-examples'))
    .action(action(() => import('./commands/batch.js')));

  // `zhizao map init`: a starting survey map from an export.
  const map = program.command('map').description(h('help.map'));
  map
    .command('init')
    .description(h('help.map-init'))
    .argument('<export>', h('help.map-init-export'))
    .option('-o, --output <file>', h('help.map-init-output'), once)
    .option('--force', h('help.map-init-force'))
    .addHelpText('after', examples('help.map-init-examples'))
    .action(action(() => import('./commands/map-init.js')));

  return program;
}
