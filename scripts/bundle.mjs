#!/usr/bin/env node
// Bundles the CLI for start-up (docs/performance.md, docs/architecture.md): dist/bundle/ from the JavaScript tsc
// wrote to dist/, with rolldown. Node loads a few large ES modules much faster than ~150 small ones (each is
// resolved, read, compiled and linked on its own), and commander and Handlebars' runtime (dozens of CommonJS
// files between them) travel inside the chunks that use them; every other package stays external.
//
//  - entries: main.js (run by bin/zhizao.js) and worker.js (the batch worker thread, which src/app/batch/pool.ts
//    loads by path as ./worker.js beside itself);
//  - chunks in tiers (TIERS below), so that a command loads only what it uses: `--help` the entry and `base`,
//    `score` also `run`, an HTML or Markdown report also `report`;
//  - dist/bundle/modules.json: the modules in each chunk (tests/security/startup-modules.test.ts reads it to tell
//    which modules a run loaded).
//
// The chunks sit two levels under the package root, as the tsc output does (dist/io/paths.js), so paths found from
// import.meta.url (the package root, ../validators/, ../templates/) are the same in both.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { asciiSource } from './ascii-source.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const out = path.join(dist, 'bundle');
/** Packages bundled (into the chunk of the code that imports them); every other one stays external. */
const BUNDLED_PACKAGES = ['commander', 'handlebars'];

const packageOf = (id) => {
  const parts = id.split('/');
  return id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};
/** A module id as shown in modules.json: dist/… or node_modules/… (node_modules may be a link elsewhere). */
const shown = (id) => {
  const p = id.replace(/\\/g, '/');
  const nm = p.lastIndexOf('/node_modules/');
  return nm >= 0 ? p.slice(nm + 1) : path.relative(root, id).replace(/\\/g, '/');
};

/**
 * The chunks, in tiers: each holds what its roots import statically (followed), less what an earlier tier holds, so
 * that a chunk imports only from chunks of earlier tiers and loading one never loads a later one.
 *  - main.js, the entry: the command table and commander, which only the command line needs;
 *  - `base`: the rest of what every run loads (messages, paths, errors; shared with the batch worker);
 *  - `run`: what the common commands load on top (their context: terminal, definitions, answers, scoring);
 *  - `report`: the Markdown and HTML reports and comparisons (with Handlebars' runtime).
 * The command modules themselves (cli/commands/*) and the rest (batch, tables, interview, DOCX) are split by the
 * bundler alone, by which dynamic imports need them.
 */
const ENTRY_ONLY = /^(dist\/cli\/(main|program)\.js|node_modules\/commander\/)/;
const COMMAND = /^dist\/cli\/commands\//;
const TIERS = [
  ['base', ['cli/main.js']],
  ['run', ['cli/context.js', 'cli/env.js', 'cli/terminal.js', 'io/definitions.js', 'app/sectors.js', 'cli/commands/score.js', 'cli/commands/questionnaire-list.js', 'cli/commands/questionnaire-show.js', 'cli/commands/targets-list.js', 'cli/commands/targets-show.js']],
  ['report', ['cli/commands/report.js', 'report/render.js', 'report/html.js', 'cli/commands/compare.js', 'report/compare/markdown.js', 'report/compare/html.js']],
];
/** Each module's static imports of modules (not packages left external), by module as shown: dist/…, node_modules/…. */
const staticImports = new Map();
let tierOf;
function tiers() {
  if (tierOf) return tierOf;
  tierOf = new Map();
  const seen = new Set();
  for (const [name, roots] of TIERS) {
    const todo = roots.map((r) => `dist/${r}`);
    while (todo.length) {
      const rel = todo.pop();
      if (seen.has(rel)) continue;
      seen.add(rel);
      if (!staticImports.has(rel)) throw new Error(`bundle: ${rel} (reached from the roots of chunk ${name}) is not in the module graph`);
      if (!ENTRY_ONLY.test(rel) && !COMMAND.test(rel)) tierOf.set(rel, name);
      todo.push(...staticImports.get(rel));
    }
  }
  return tierOf;
}
const groupOf = (id) => tiers().get(shown(id)) ?? null;

rmSync(out, { recursive: true, force: true });
// The bundled definitions keep expression trees made by the parser of the build that wrote them
// (scripts/build-assets.mjs, the next step): a new bundle must not run with those of an earlier one.
rmSync(path.join(dist, 'bundled'), { recursive: true, force: true });
const build = await rolldown({
  input: { main: path.join(dist, 'cli', 'main.js'), worker: path.join(dist, 'app', 'batch', 'worker.js'), launch: path.join(dist, 'cli', 'code-cache.js') },
  platform: 'node',
  // Needed when groups do not pull in their modules' imports; entry chunks may export more than their entry module.
  preserveEntrySignatures: 'allow-extension',
  external: (id) => !id.startsWith('.') && !path.isAbsolute(id) && (id.startsWith('node:') || !BUNDLED_PACKAGES.includes(packageOf(id))),
  plugins: [
    {
      // commander loads node:child_process (with net, dgram, streams…) for executable subcommands, which zhizao
      // does not have: load it when a subcommand would be spawned, not at every start.
      name: 'zhizao-lazy-child-process',
      transform(code, id) {
        if (!/[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
        const eager = "const childProcess = require('node:child_process');";
        if (!code.includes(eager)) throw new Error(`bundle: commander changed (no "${eager}" in ${id}): review this plugin`);
        return code.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
      },
    },
    {
      name: 'zhizao-module-graph',
      moduleParsed(info) {
        staticImports.set(shown(info.id), info.importedIds.filter((i) => path.isAbsolute(i)).map(shown));
      },
    },
  ],
  logLevel: 'warn',
  onLog(level, log, handler) {
    // A warning fails the build (a bundle that may differ from the tsc output must not ship silently), but for a
    // dynamic import of a module that is also imported statically: that module is simply not split off.
    if (level === 'warn' && log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') throw new Error(`bundle: ${log.code}: ${log.message}`);
    if (level === 'warn') return;
    handler(level, log);
  },
});
const { output } = await build.write({
  dir: out,
  // CommonJS: src/cli/code-cache.ts can then compile each chunk with the bytecode the build kept (Node 20 has no
  // such cache for ES modules); dist/bundle/package.json marks the folder's .js files as CommonJS.
  format: 'cjs',
  // A package imported on demand (chalk, exceljs, @inquirer/prompts) is require()d: code run from V8's code cache
  // cannot import() (its dynamic-import callback is lost), and Node 20.19+ require()s ES modules.
  dynamicImportInCjs: false,
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
  sourcemap: false,
  codeSplitting: {
    // A tier holds its modules' imports already (or an earlier tier does).
    includeDependenciesRecursively: false,
    groups: [{ debugName: 'zhizao-tiers', name: groupOf }],
  },
});
await build.close();

// No import() may remain in a chunk: compiled with cached bytecode, it would fail at run time (see above).
for (const c of output) {
  if (c.type === 'chunk' && /(^|[^.\w$])import\s*\(\s*["'`]/m.test(c.code.replace(/^\s*\*.*$/gm, ''))) throw new Error(`bundle: ${c.fileName} still has an import(): code-cache.ts cannot run it`);
}

// ASCII text (scripts/ascii-source.mjs): each start reads these files faster.
for (const c of output) if (c.type === 'chunk') writeFileSync(path.join(out, c.fileName), asciiSource(c.code, c.fileName));

const modules = {};
for (const c of output) if (c.type === 'chunk') modules[c.fileName] = c.moduleIds.filter((id) => !id.startsWith('\0')).map(shown).sort();
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'package.json'), '{ "type": "commonjs" }\n');
writeFileSync(path.join(out, 'modules.json'), JSON.stringify(modules, null, 1) + '\n');
const sizes = Object.entries(modules).map(([f, ms]) => `${f} (${ms.length})`);
console.log(`bundle: ${sizes.length} chunks in dist/bundle: ${sizes.join(', ')}`);
