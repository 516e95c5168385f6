// V8's code cache for the bundled CLI (docs/performance.md, "Start-up"). Node 20 has no compile cache for modules
// (Node 22's module.enableCompileCache), so every run parsed and compiled the bundle's chunks afresh: ≈ 30 ms of an
// HTML report's start-up. The build (scripts/code-cache.mjs) runs the common commands once and keeps, for each chunk
// of dist/bundle/ and each precompiled template and validator they loaded, the bytecode V8 made for it
// (`vm.Script#createCachedData`), in dist/code-cache/. A run compiles those files with that bytecode.
//
// Safe to miss: V8 refuses bytecode made by another V8 version or with other flags (`cachedDataRejected`), and a
// file whose text does not hash to the build's (V8 itself checks only the length) is compiled without it, so an
// edited chunk is never run with stale bytecode, and a copy installed elsewhere (any modification time) still uses
// it; a missing or unreadable cache only costs the time it would have saved. Only the package's own built
// files are compiled here (dist/bundle, dist/templates, dist/validators); everything else goes through Node's loader.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { patientOptimiser } from '../app/v8-budget.js';

/** Where the cache lives under dist/, and its index: for each cached file (path under dist/), the file as the build saw it. */
const CACHE_DIR = 'code-cache';
const INDEX = 'index.json';
interface CachedFile {
  /** SHA-256 of the file's text as the build compiled it. */
  sha256: string;
  cache: string;
}
type Index = Record<string, CachedFile>;
const CACHED = /^(bundle|templates|validators)\//;

type Compile = (this: Module, content: string, filename: string, ...rest: unknown[]) => unknown;
interface ModuleInternals {
  _compile: Compile;
}
interface ModuleStatics {
  wrap(content: string): string;
}

/** How each file compiled here went (path under dist/): with the build's bytecode, refused by V8, or without (none kept, or the file changed since). */
export type CodeCacheUse = Map<string, 'used' | 'rejected' | 'stale' | 'none' | 'recorded'>;

/**
 * Compile the package's own built CommonJS files (under `dist`) with the bytecode the build kept. With `record`
 * (the build only), keep the bytecode of every such file this process compiled when it exits. Returns how each
 * file went, filled in as files load (for tests).
 */
export function useCodeCache(dist: string, record = false): CodeCacheUse {
  // V8 accepts bytecode only under the flags it was made with: the build records it, and every run uses it, after this
  patientOptimiser();
  const use: CodeCacheUse = new Map();
  const dir = path.join(dist, CACHE_DIR);
  let index: Index = {};
  try {
    const read: unknown = JSON.parse(readFileSync(path.join(dir, INDEX), 'utf8'));
    if (typeof read === 'object' && read !== null && !Array.isArray(read)) index = read as Index;
    else if (!record) return use;
  } catch {
    if (!record) return use;
  }
  const statics = Module as unknown as ModuleStatics;
  const proto = Module.prototype as unknown as ModuleInternals;
  const compileWithoutCache = proto._compile;
  const compiled: { rel: string; sha256: string; script: vm.Script }[] = [];
  proto._compile = function compile(this: Module, content: string, filename: string, ...rest: unknown[]) {
    const rel = path.relative(dist, filename).split(path.sep).join('/');
    if (!CACHED.test(rel)) return compileWithoutCache.call(this, content, filename, ...rest);
    // (No import() in these files: code run from cached bytecode loses its dynamic-import callback; scripts/bundle.mjs
    // turns the bundle's into require() and fails when one is left.)
    const entry = Object.prototype.hasOwnProperty.call(index, rel) ? index[rel] : undefined;
    const sha256 = record || entry ? createHash('sha256').update(content).digest('hex') : '';
    const cachedData = record || !entry || entry.sha256 !== sha256 ? undefined : cachedBytecode(dir, entry);
    const script = new vm.Script(statics.wrap(content), { filename, cachedData });
    if (record) compiled.push({ rel, sha256, script });
    use.set(rel, record ? 'recorded' : cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : entry ? 'stale' : 'none');
    const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    // Node's own require for a file (resolution, cache, main, extensions alike)
    return run.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
  if (record) process.once('exit', () => saveBytecode(dir, index, compiled));
  return use;
}

function cachedBytecode(dir: string, entry: CachedFile): Buffer | undefined {
  try {
    return typeof entry.cache === 'string' ? readFileSync(path.join(dir, path.basename(entry.cache))) : undefined;
  } catch {
    return undefined;
  }
}

function saveBytecode(dir: string, index: Index, compiled: { rel: string; sha256: string; script: vm.Script }[]): void {
  mkdirSync(dir, { recursive: true });
  for (const { rel, sha256, script } of compiled) {
    const cache = `${rel.replace(/[/.]/g, '_')}.bin`;
    writeFileSync(path.join(dir, cache), script.createCachedData());
    index[rel] = { sha256, cache };
  }
  writeFileSync(path.join(dir, INDEX), JSON.stringify(index, null, 1) + '\n');
}
