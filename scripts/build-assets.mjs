#!/usr/bin/env node
// Build-time assets that keep start-up fast (docs/performance.md):
//  - dist/validators/<kind>.cjs: ajv standalone validators for the shipped JSON Schemas (CommonJS: ajv's ESM
//    standalone output still require()s its runtime, ajv-validator/ajv#2209);
//  - dist/bundled/<path>.json: each bundled definition (questionnaires/, report-templates/*.yaml), parsed and
//    schema-checked, with the SHA-256 of its text, under its path from the package root (one file each: a command
//    reads only the definitions it uses), so that a run does not re-parse 5,000 lines of YAML. A file whose text
//    changed is parsed normally at run time. Written as UTF-16LE (src/io/definitions.ts BUNDLED_ENCODING);
//  - dist/templates/<hash>.cjs: each bundled report template precompiled by Handlebars (build-time code generation:
//    `Handlebars.precompile` output, run by `Handlebars.template`), named by a hash of its format, extra helpers and
//    text (src/report/render.ts precompiledName), so that a report neither loads Handlebars' compiler nor compiles
//    (≈ 0.3 s). A template whose text changed, and a user's own (--template), are compiled at run time.
// The validators and templates are written as ASCII text (scripts/ascii-source.mjs), as the bundle is.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { parse } from 'yaml';
import { asciiSource } from './ascii-source.mjs';
import { buildInputsHash } from './build-inputs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kinds = ['questionnaire', 'answers', 'targets', 'model', 'scoring-profile', 'rules', 'readiness', 'checks', 'wording', 'benchmark', 'policy', 'sector-pack'];
const options = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true, code: { source: true } };

mkdirSync(path.join(root, 'dist', 'validators'), { recursive: true });
// A schema may refer to another shipped one (the sector packs' items are the rules' items): added with it, as at run time.
const { addSchemaWithRefs } = await import('../dist/core/shape.js');
const { BUNDLED_ENCODING } = await import('../dist/io/definitions.js');
const schemaOf = (kind) => JSON.parse(readFileSync(path.join(root, 'schemas', `${kind}.schema.json`), 'utf8'));
const validators = {};
for (const kind of kinds) {
  const ajv = new Ajv(options);
  addSchemaWithRefs(ajv, kind, schemaOf);
  const validate = ajv.getSchema(`zhizao:${kind}`);
  validators[kind] = validate;
  writeFileSync(path.join(root, 'dist', 'validators', `${kind}.cjs`), asciiSource(standaloneCode.default(ajv, validate), `${kind}.cjs`));
}

const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)]));
let bundled = 0;
rmSync(path.join(root, 'dist', 'bundled'), { recursive: true, force: true });
rmSync(path.join(root, 'dist', 'bundled.json'), { force: true }); // the single file of earlier builds
for (const file of [...walk(path.join(root, 'questionnaires')), ...walk(path.join(root, 'report-templates'))].filter((f) => f.endsWith('.yaml'))) {
  const text = readFileSync(file, 'utf8');
  let data;
  try {
    data = parse(text, { uniqueKeys: true, strict: true });
  } catch {
    continue;
  }
  const validate = validators[data?.kind];
  if (!validate || !validate(data)) continue; // left to the run-time loader, which explains the problem
  const rel = path.relative(root, file).split(path.sep).join('/');
  bundled++;
  const out = path.join(root, 'dist', 'bundled', `${rel}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ sha256: createHash('sha256').update(text).digest('hex'), data }), BUNDLED_ENCODING);
}

// The expressions of the bundled definitions, parsed once here (src/core/expression/check.ts seedParsedExpressions):
// the definitions are loaded as the commands load them, then each bundled file keeps the trees of the expressions
// written in it. A run that loads an unchanged bundled file does not tokenise them again.
{
  const { Definitions } = await import('../dist/io/definitions.js');
  const { reportContext } = await import('../dist/app/report.js');
  const { parsedExpressions } = await import('../dist/core/expression/check.js');
  const defs = new Definitions();
  for (const id of await defs.bundledIds('questionnaire')) {
    const q = await defs.questionnaire(id);
    await Promise.all([defs.checksFor(q), reportContext(defs, q)]);
  }
  for (const id of await defs.bundledIds('targets')) await defs.targets(id);
  for (const id of await defs.bundledIds('scoring-profile')) await defs.profile(id);
  for (const id of await defs.bundledIds('model')) await defs.model(id);
  for (const id of await defs.bundledIds('policy')) await defs.policy(id);
  for (const id of await defs.bundledIds('benchmark')) await defs.benchmark(id);
  const trees = new Map(parsedExpressions());
  // a rule's `raises` value `=expr` is parsed when a plan is projected, not at load: parsed here too
  const { parseExpression } = await import('../dist/core/expression/parse.js');
  let kept = 0;
  for (const out of walk(path.join(root, 'dist', 'bundled'))) {
    const entry = JSON.parse(readFileSync(out, BUNDLED_ENCODING));
    const found = new Set();
    const visit = (v) => {
      if (typeof v === 'string') {
        if (trees.has(v)) found.add(v);
        else if (v.startsWith('=') && v.length > 1) {
          const text = v.slice(1);
          if (!trees.has(text)) {
            try {
              trees.set(text, parseExpression(text));
            } catch {
              return; // not an expression: the loader explains it
            }
          }
          found.add(text);
        }
      } else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
    };
    visit(entry.data);
    if (!found.size) continue;
    kept += found.size;
    entry.expressions = [...found].sort().map((src) => [src, trees.get(src)]);
    writeFileSync(out, JSON.stringify(entry), BUNDLED_ENCODING);
  }
  console.log(`build-assets: ${kept} parsed expressions kept with the bundled definitions`);
}

// The report templates, precompiled with the same checks and options as at run time (dist/report/*, built by tsc).
const { precompileTemplate } = await import('../dist/report/handlebars-env.js');
const { precompiledName } = await import('../dist/report/render.js');
const { chartHelpers } = await import('../dist/report/html.js');
const templates = [
  ['md', 'report.md.hbs', []],
  ['html', 'report.html.hbs', Object.keys(chartHelpers('en', {}, {})).sort()],
];
rmSync(path.join(root, 'dist', 'templates'), { recursive: true, force: true });
mkdirSync(path.join(root, 'dist', 'templates'), { recursive: true });
for (const [format, name, helpers] of templates) {
  const text = readFileSync(path.join(root, 'report-templates', name), 'utf8');
  const file = path.join(root, 'dist', 'templates', `${precompiledName(format, helpers.join(','), text)}.cjs`);
  const about = `report-templates/${name} as ${format}${helpers.length ? ` with helpers ${helpers.join(', ')}` : ''}`;
  const code = `'use strict';\n// Generated by scripts/build-assets.mjs: ${about}, precompiled by Handlebars (src/report/render.ts).\nmodule.exports = ${precompileTemplate(format, helpers, text)};\n`;
  writeFileSync(file, asciiSource(code, path.basename(file)));
}
// Last: what this build was made from (the test set-up rebuilds only when it changes).
writeFileSync(path.join(root, 'dist', 'build-inputs.sha256'), buildInputsHash(root) + '\n');
console.log(`build-assets: ${kinds.length} validators, ${bundled} bundled definitions, ${templates.length} precompiled templates`);
