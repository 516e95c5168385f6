#!/usr/bin/env node
// Build-time assets that keep start-up fast (docs/performance.md):
//  - dist/validators/<kind>.cjs: ajv standalone validators for the shipped JSON Schemas (CommonJS: ajv's ESM
//    standalone output still require()s its runtime, ajv-validator/ajv#2209);
//  - dist/bundled.json: the bundled definitions (questionnaires/, report-templates/*.yaml), parsed and schema-checked,
//    keyed by path under the package root and SHA-256 of their text,
//    so that a run does not re-parse 5,000 lines of YAML. A file whose text changed is parsed normally at run time.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { parse } from 'yaml';
import { buildInputsHash } from './build-inputs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kinds = ['questionnaire', 'answers', 'targets', 'model', 'scoring-profile', 'rules', 'readiness', 'checks', 'wording', 'benchmark', 'policy', 'sector-pack'];
const options = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true, code: { source: true } };

mkdirSync(path.join(root, 'dist', 'validators'), { recursive: true });
const validators = {};
for (const kind of kinds) {
  const ajv = new Ajv(options);
  const schema = JSON.parse(readFileSync(path.join(root, 'schemas', `${kind}.schema.json`), 'utf8'));
  const validate = ajv.compile(schema);
  validators[kind] = validate;
  writeFileSync(path.join(root, 'dist', 'validators', `${kind}.cjs`), standaloneCode.default(ajv, validate));
}

const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)]));
const bundled = {};
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
  bundled[rel] = { sha256: createHash('sha256').update(text).digest('hex'), data };
}
writeFileSync(path.join(root, 'dist', 'bundled.json'), JSON.stringify(bundled));
// Last: what this build was made from (the test set-up rebuilds only when it changes).
writeFileSync(path.join(root, 'dist', 'build-inputs.sha256'), buildInputsHash(root) + '\n');
console.log(`build-assets: ${kinds.length} validators, ${Object.keys(bundled).length} bundled definitions`);
