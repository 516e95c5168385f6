#!/usr/bin/env node
// The layer rules of docs/architecture.md, checked on the import graph of src/ (static, dynamic and type-only
// imports alike): every import goes down the layers, and no file reaches itself through its imports.
// Layers, top to bottom: cli → app → (report, io) → core → messages. report and io do not import each other's
// internals except io/paths (where the bundled templates are), which report may read.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const RANK = { messages: 0, core: 1, io: 2, report: 2, app: 3, cli: 4 };
const EXTRA_ALLOWED = new Set(['report->io/paths.ts']);

const files = [];
(function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.ts')) files.push(p);
  }
})(SRC);

const rel = (f) => path.relative(SRC, f).split(path.sep).join('/');
const layerOf = (f) => rel(f).split('/')[0];
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const graph = new Map();
const problems = [];
for (const f of files) {
  const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const deps = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) continue;
    const target = path.resolve(path.dirname(f), spec.replace(/\.js$/, '.ts'));
    deps.push(target);
    const from = layerOf(f);
    const to = layerOf(target);
    if (!(from in RANK) || !(to in RANK)) {
      problems.push(`${rel(f)}: imports ${spec}, outside the known layers`);
      continue;
    }
    if (from === to) continue;
    if (EXTRA_ALLOWED.has(`${from}->${rel(target)}`)) continue;
    if (RANK[to] >= RANK[from]) problems.push(`${rel(f)} (${from}) imports ${rel(target)} (${to}): imports must go down the layers`);
  }
  graph.set(f, deps);
}

// Cycles: depth-first search with colours; each cycle is reported once, by its smallest member.
const state = new Map();
const stack = [];
const cycles = new Set();
function visit(f) {
  state.set(f, 1);
  stack.push(f);
  for (const d of graph.get(f) ?? []) {
    if (!graph.has(d)) continue;
    if (state.get(d) === 1) {
      const cycle = stack.slice(stack.indexOf(d)).map(rel);
      const start = cycle.indexOf([...cycle].sort()[0]);
      cycles.add([...cycle.slice(start), ...cycle.slice(0, start)].join(' → '));
    } else if (!state.has(d)) visit(d);
  }
  stack.pop();
  state.set(f, 2);
}
for (const f of files) if (!state.has(f)) visit(f);
for (const c of cycles) problems.push(`import cycle: ${c}`);

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`${problems.length} layer problem(s) in src/ (docs/architecture.md)`);
  process.exit(1);
}
console.log(`layers: ${files.length} files, imports go down cli → app → (report, io) → core → messages, no cycles`);
