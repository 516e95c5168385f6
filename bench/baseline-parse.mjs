// The baseline of the batch benchmarks: only read and parse the answer files (single thread), no scoring.
//   .json files: JSON.parse (the limit any reader of these files has);
//   .yaml files: the `yaml` package as any Node script would, or with `--fast` zhizao's own fast reader
//   (dist/core/yaml-fast.js, falling back to `yaml`), the cheapest parse zhizao itself could do.
// Prints the number of files read.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const fast = process.argv.includes('--fast');
let yamlParse;
const { parseAnswerYaml } = fast ? await import(new URL('../dist/core/yaml-fast.js', import.meta.url).href) : { parseAnswerYaml: () => undefined };
function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (/\.(ya?ml|json)$/.test(e.name)) yield p;
  }
}
let n = 0;
for (const f of walk(process.argv[2])) {
  const text = readFileSync(f, 'utf8');
  if (f.endsWith('.json')) JSON.parse(text);
  else if (parseAnswerYaml(text) === undefined) {
    yamlParse ??= (await import('yaml')).parse;
    yamlParse(text);
  }
  n++;
}
console.log(n);
