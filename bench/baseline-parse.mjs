// Baseline for benchmark (a): only read and parse the answer files (single thread), no scoring.
// `--fast` parses with zhizao's own fast reader (dist/core/yaml-fast.js, falling back to `yaml`), i.e. the
// cheapest parse zhizao itself could do; without it, with the `yaml` package as any Node script would.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const fast = process.argv.includes('--fast');
const { parseAnswerYaml } = fast ? await import(new URL('../dist/core/yaml-fast.js', import.meta.url).href) : { parseAnswerYaml: () => undefined };
function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.ya?ml$/.test(name)) yield p;
  }
}
let n = 0;
for (const f of walk(process.argv[2])) {
  const text = readFileSync(f, 'utf8');
  if (parseAnswerYaml(text) === undefined) parse(text);
  n++;
}
console.log(n);
