// Global set-up of the test projects that run the built CLI: build dist/ unless it was built from the current
// sources (scripts/build-inputs.mjs). `npm test` on a fresh clone builds once; in CI, `npm ci` has already built
// (the prepare script), so the tests do not build again.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildInputsHash } from '../../scripts/build-inputs.mjs';

const ROOT = path.resolve(__dirname, '..', '..');

export default function setup(): void {
  const stamp = path.join(ROOT, 'dist', 'build-inputs.sha256');
  let built = '';
  try {
    built = readFileSync(stamp, 'utf8').trim();
  } catch {
    // never built
  }
  if (built === buildInputsHash(ROOT)) return;
  console.log('dist/ is missing or older than the sources: npm run build');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status ?? r.signal})`);
}
