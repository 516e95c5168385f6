// What `npm run build` is made from, as one SHA-256: the TypeScript sources, the schemas and bundled definitions,
// the build scripts and their configuration. scripts/build-assets.mjs writes it to dist/build-inputs.sha256 at the
// end of a build; the test set-up (tests/helpers/build-once.ts) builds again only when the inputs have changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const DIRS = ['src', 'schemas', 'questionnaires', 'report-templates'];
const FILES = ['scripts/ascii-source.mjs', 'scripts/build-assets.mjs', 'scripts/build-inputs.mjs', 'scripts/bundle.mjs', 'scripts/code-cache.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

export function buildInputsHash(root) {
  const hash = createHash('sha256');
  const files = [...DIRS.flatMap((d) => walk(path.join(root, d))), ...FILES.map((f) => path.join(root, f))].filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
  for (const f of files.sort()) {
    hash.update(path.relative(root, f).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(f));
    hash.update('\0');
  }
  return hash.digest('hex');
}
