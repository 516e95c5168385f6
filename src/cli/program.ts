import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_LIMITS } from '../core/limits.js';
import type { Context } from './context.js';
import { VERSION as version } from '../io/paths.js';

// Each command declares its own argument and option types (src/cli/options.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (ctx: Context<any>, ...args: any[]) => Promise<number>;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Must be a positive integer.');
  return n;
}
function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('Expected a size such as 5000000, 20MB or 1GB.');
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * mult);
}

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** Build the command table; each action loads its module only when it runs (start-up stays light). */
export function buildProgram(run: (handler: () => Promise<{ run: Handler }>, cmd: Command, args: unknown[]) => Promise<void>): Command {
  const program = new Command('zhizao')
    .description('智造诊断 — smart-manufacturing maturity diagnosis: interview, score, recommend, report, batch')
    .version(version, '-V, --version')
    .addOption(new Option('--lang <lang>', 'language of messages and reports (default: from LC_ALL/LANG, else zh)').choices(['zh', 'en']))
    .option('--questionnaire <id|path>', 'questionnaire to use (bundled id or a file path)')
    .option('--max-file-size <size>', `largest input file accepted (default ${DEFAULT_LIMITS.maxBytes / 1024 / 1024}MB)`, byteSize)
    .option('--max-aliases <n>', `largest number of YAML alias expansions (default ${DEFAULT_LIMITS.maxAliases})`, positiveInt)
    .option('--no-color', 'no colour in terminal output (NO_COLOR and FORCE_COLOR are respected too)')
    .showHelpAfterError('(add --help for additional information)')
    .addHelpText(
      'after',
      examples([
        'zhizao assess                         # interview a plant; answers autosave',
        'zhizao validate examples/*.yaml',
        'zhizao score examples/discrete-machinery.zhizao.yaml',
        'zhizao report plant.zhizao.yaml --format html -o report.html',
        'zhizao batch answers/ -o results.xlsx',
      ]),
    );
  const action = (load: () => Promise<{ run: Handler }>) =>
    async function (this: Command, ...args: unknown[]) {
      await run(load, this, args.slice(0, -2));
    };

  program
    .command('validate')
    .description('check answer files (or, with --definition, questionnaire/targets/rules/profile/model/readiness files); prints every problem as file:line:col')
    .argument('<files...>', 'files to check (- for standard input)')
    .option('--definition', 'the files are definitions, not answer files')
    .option('--json', 'machine-readable result on stdout')
    .option('--map <file>', 'survey-export mapping for CSV/XLSX tables (see docs/batch.md)')
    .option('--max-rows <n>', 'largest number of table rows accepted', positiveInt)
    .addHelpText('after', examples(['zhizao validate plant.zhizao.yaml', 'zhizao validate --definition questionnaires/my-sector.yaml', 'zhizao validate answers/*.json --json']))
    .action(action(() => import('./commands/validate.js')));

  program
    .command('template')
    .description('write a blank answer file (YAML with every question as a comment), table (CSV/XLSX) or Excel form for offline filling')
    .addOption(new Option('--format <format>', 'yaml, csv (one row per company), xlsx, or xlsx-form (one company)').choices(['yaml', 'csv', 'xlsx', 'xlsx-form']).default('yaml'))
    .option('-o, --output <file>', 'where to write (default: standard output for yaml/csv)')
    .option('--force', 'replace an existing output file')
    .option('--industry <type>', 'pre-fill the industry type (discrete, process, mixed)')
    .addHelpText('after', examples(['zhizao template -o plant.zhizao.yaml', 'zhizao template --lang en > blank.yaml', 'zhizao template --format xlsx-form -o form.xlsx']))
    .action(action(() => import('./commands/template.js')));

  const questionnaire = program.command('questionnaire').description('list or show questionnaires');
  questionnaire
    .command('list')
    .description('list the bundled questionnaires')
    .option('--json', 'machine-readable list on stdout')
    .action(action(() => import('./commands/questionnaire-list.js')));
  questionnaire
    .command('show')
    .description('show a questionnaire (bundled id or file path)')
    .argument('<id|path>')
    .option('--json', 'the full definition as JSON on stdout')
    .addHelpText('after', examples(['zhizao questionnaire show smart-manufacturing', 'zhizao questionnaire show smart-manufacturing --json']))
    .action(action(() => import('./commands/questionnaire-show.js')));

  const targets = program.command('targets').description('list or show target profiles');
  targets
    .command('list')
    .description('list the bundled target profiles')
    .option('--json', 'machine-readable list on stdout')
    .action(action(() => import('./commands/targets-list.js')));
  targets
    .command('show')
    .description('show a target profile (bundled id or file path)')
    .argument('<id|path>')
    .option('--json', 'the profile as JSON on stdout')
    .addHelpText('after', examples(['zhizao targets show zhengzhou-2020', 'zhizao targets show national-2025 --json']))
    .action(action(() => import('./commands/targets-show.js')));

  program
    .command('score')
    .description('maturity level and scores, indicators against targets')
    .argument('<files...>', 'answer file (several files of one plant with --merge)')
    .option('--targets <id|path>', 'target profile (default zhengzhou-2020)')
    .option('--profile <id|path>', 'scoring profile (default gbt39117-2020-practice)')
    .option('--json', 'the result object on stdout')
    .option('--explain', 'show L1–L5, each sub-domain contribution, exclusions and formulas')
    .option('--merge', 'several files are interviews of one plant: merge them in memory')
    .addHelpText('after', examples(['zhizao score plant.zhizao.yaml', 'zhizao score plant.zhizao.yaml --explain', 'zhizao score plant.zhizao.yaml --json --targets national-2025']))
    .action(action(() => import('./commands/score.js')));

  program
    .command('report')
    .description('the diagnosis and retrofit recommendation report')
    .argument('<files...>', 'answer file (several files of one plant with --merge)')
    .addOption(new Option('--format <format>', 'report format (default: from the extension of -o, else md)').choices(['md', 'html', 'docx', 'json']))
    .option('-o, --output <file>', 'where to write (- or none: standard output; docx needs a file)')
    .option('--force', 'replace an existing output file')
    .option('--template <path>', 'your own Handlebars template (see docs/templates.md)')
    .option('--targets <id|path>', 'target profile (default zhengzhou-2020)')
    .option('--profile <id|path>', 'scoring profile')
    .option('--rules <id|path>', 'recommendation rules (default: bundled)')
    .addOption(new Option('--audience <audience>', 'client: the full report; office: scores only, no notes, KPIs or security answers').choices(['client', 'office']).default('client'))
    .addOption(new Option('--report-lang <lang>', 'report language (default: --lang)').choices(['zh', 'en', 'both']))
    .option('--merge', 'several files are interviews of one plant: merge them in memory')
    .addHelpText('after', examples(['zhizao report plant.zhizao.yaml -o report.md', 'zhizao report plant.zhizao.yaml --format html -o report.html --report-lang both', 'zhizao report plant.zhizao.yaml --format json']))
    .action(action(() => import('./commands/report.js')));

  program
    .command('assess')
    .description('interactive interview; creates FILE or resumes it where the consultant left off; autosaves after every answer')
    .argument('[file]', 'answer file to create or resume')
    .option('--sections <ids>', 'only these sections (comma-separated), e.g. for one department')
    .option('--anonymous-name', 'name a new file by date only, not by company')
    .addHelpText('after', examples(['zhizao assess', 'zhizao assess plant.zhizao.yaml', 'zhizao assess plant.zhizao.yaml --sections design', 'zhizao assess --lang en']))
    .action(action(() => import('./commands/assess.js')));

  program
    .command('compare')
    .description('progress of one plant between two assessments, against the benchmark-project improvement targets')
    .argument('<baseline>')
    .argument('<followup>')
    .option('--targets <id|path>', 'target profile (default zhengzhou-2020)')
    .option('--profile <id|path>', 'scoring profile')
    .option('--json', 'the comparison as JSON on stdout')
    .addOption(new Option('--format <format>', 'write a progress report').choices(['md', 'html', 'docx']))
    .option('-o, --output <file>', 'where to write the report')
    .option('--force', 'replace an existing output file')
    .addHelpText('after', examples(['zhizao compare plant-2025.zhizao.yaml plant-2026.zhizao.yaml', 'zhizao compare before.yaml after.yaml --json']))
    .action(action(() => import('./commands/compare.js')));

  program
    .command('merge')
    .description('combine the answer files of several interviewees of one plant; conflicts are listed, never silently resolved')
    .argument('<files...>')
    .requiredOption('-o, --output <file>', 'merged answer file')
    .option('--prefer <file>', 'this file wins conflicts')
    .option('--force', 'replace an existing output file')
    .option('--json', 'conflicts as JSON on stdout')
    .addHelpText('after', examples(['zhizao merge design.yaml production.yaml it.yaml -o plant.zhizao.yaml']))
    .action(action(() => import('./commands/merge.js')));

  program
    .command('batch')
    .description('score many answer files, folders, CSV/XLSX tables and Excel forms; per-company table, summary, rejected inputs')
    .argument('<inputs...>', 'files, folders (recursive), globs, tables')
    .option('-o, --output <file>', 'OUT.xlsx, OUT.csv (+ .summary, .plan, .problems, .rejected.csv) or OUT.json')
    .option('--json', 'the batch result as JSON on stdout')
    .option('--map <file>', 'survey-export mapping (header → question id, label → option value)')
    .option('--reports <dir>', 'also write one report per company into this folder')
    .addOption(new Option('--format <format>', 'format of --reports').choices(['md', 'html', 'docx']).default('md'))
    .option('--targets <id|path>', 'target profile (default zhengzhou-2020)')
    .option('--profile <id|path>', 'scoring profile')
    .option('--group-by <field>', 'summary groups (default: district, else region): district, region, park, sector, industry, above_designated_size or another field')
    .option('--anonymize', 'replace names, codes and file names with stable pseudonyms')
    .option('--min-group-size <n>', 'groups smaller than this are merged into "other" (default: 3 with --anonymize, else every group is shown)', positiveInt)
    .option('--jobs <n>', 'worker threads (default: number of CPUs)', positiveInt)
    .option('--max-rows <n>', 'largest number of table rows accepted', positiveInt)
    .option('--force', 'replace existing output files')
    .option('--dry-run', 'show how each table is read with --map (column → question, unmapped columns, unmatched labels); score nothing')
    .addOption(new Option('--on-bad-cell <mode>', 'a bad table cell rejects its row, or is left unanswered and listed in the problems').choices(['reject', 'blank']).default('reject'))
    .option('--include-answers', 'add every company\'s answers to the output (sheet 答卷, OUT.answers.csv, JSON answers)')
    .option('--policy <id|path>', 'the action plan whose count targets are tracked (default zhengzhou-2018)')
    .addHelpText('after', examples(['zhizao batch answers/ -o results.xlsx', 'zhizao map init survey.csv -o map.yaml && zhizao batch survey.csv --map map.yaml --dry-run', 'zhizao batch survey.csv --map map.yaml --on-bad-cell blank -o results.xlsx', 'zhizao batch answers/ --json --group-by district --anonymize']))
    .action(action(() => import('./commands/batch.js')));

  // `zhizao map init`: a starting survey map from an export (issue 18).
  program
    .command('map')
    .description('survey maps for CSV/XLSX exports (see docs/batch.md)')
    .command('init')
    .description('write a starting map from an export\'s headers and cells; guesses are marked for checking')
    .argument('<export>', 'the survey export (CSV or XLSX)')
    .option('-o, --output <file>', 'where to write the map (default: standard output)')
    .option('--force', 'replace an existing map file')
    .addHelpText('after', examples(['zhizao map init survey.csv -o map.yaml', 'zhizao batch survey.csv --map map.yaml --dry-run']))
    .action(action(() => import('./commands/map-init.js')));

  return program;
}
