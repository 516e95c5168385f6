// V8's code cache for the bundled CLI (docs/performance.md, "Start-up"). Node 20 has no compile cache for modules
// (Node 22's module.enableCompileCache), so every run parsed and compiled the bundle's chunks afresh: ≈ 30 ms of an
// HTML report's start-up. The build (scripts/code-cache.mjs) runs the common commands once and keeps, for each chunk
// of dist/bundle/ and each precompiled template and validator they loaded, the bytecode V8 made for it
// (`vm.Script#createCachedData`), in dist/code-cache/. A run compiles those files with that bytecode.
//
// Safe to miss: V8 refuses bytecode made by another V8 version or with other flags (`cachedDataRejected`), and a
// file whose size or modification time differs from the build's is compiled without it, so an edited chunk is never
// run with stale bytecode; a missing cache only costs the time it would have saved. Only the package's own built
// files are compiled here (dist/bundle, dist/templates, dist/validators); everything else goes through Node's loader.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** Where the cache lives under dist/, and its index: for each cached file (path under dist/), the file as the build saw it. */
const CACHE_DIR = 'code-cache';
const INDEX = 'index.json';
interface CachedFile {
  size: number;
  mtimeMs: number;
  cache: string;
}
type Index = Record<string, CachedFile>;
const CACHED = /^(bundle|templates|validators)\//;

type Compile = (this: Module, content: string, filename: string) => unknown;
interface ModuleInternals {
  _compile: Compile;
}
interface ModuleStatics {
  wrap(content: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _cache: unknown;
}

/** How each file compiled here went (path under dist/): with the build's bytecode, refused by V8, or without (none kept, or the file changed since). */
export type CodeCacheUse = Map<string, 'used' | 'rejected' | 'stale' | 'none' | 'recorded'>;

/**
 * Compile the package's own built CommonJS files (under `dist`) with the bytecode the build kept. With `record`
 * (the build only), keep the bytecode of every such file this process compiled when it exits. Returns how each
 * file went, filled in as files load (for tests).
 */
export function useCodeCache(dist: string, record = false): CodeCacheUse {
  const use: CodeCacheUse = new Map();
  const dir = path.join(dist, CACHE_DIR);
  let index: Index = {};
  try {
    index = JSON.parse(readFileSync(path.join(dir, INDEX), 'utf8')) as Index;
  } catch {
    if (!record) return use;
  }
  const statics = Module as unknown as ModuleStatics;
  const proto = Module.prototype as unknown as ModuleInternals;
  const compileWithoutCache = proto._compile;
  const compiled: { rel: string; filename: string; script: vm.Script }[] = [];
  proto._compile = function compile(this: Module, content: string, filename: string) {
    const rel = path.relative(dist, filename).split(path.sep).join('/');
    if (!CACHED.test(rel)) return compileWithoutCache.call(this, content, filename);
    // (No import() in these files: code run from cached bytecode loses its dynamic-import callback; scripts/bundle.mjs
    // turns the bundle's into require() and fails when one is left.)
    const cachedData = record ? undefined : cachedBytecode(dir, index[rel], filename);
    const script = new vm.Script(statics.wrap(content), { filename, cachedData });
    if (record) compiled.push({ rel, filename, script });
    use.set(rel, record ? 'recorded' : cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : index[rel] ? 'stale' : 'none');
    const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return run.call(this.exports, this.exports, requireFor(this, statics), this, filename, path.dirname(filename));
  };
  if (record) process.once('exit', () => saveBytecode(dir, index, compiled));
  return use;
}

function cachedBytecode(dir: string, entry: CachedFile | undefined, filename: string): Buffer | undefined {
  if (!entry) return undefined;
  try {
    const st = statSync(filename);
    // within a millisecond: a copy that keeps modification times (cp -p, fs.cpSync) keeps them to about the millisecond
    if (st.size !== entry.size || Math.abs(st.mtimeMs - entry.mtimeMs) >= 1) return undefined;
    return readFileSync(path.join(dir, entry.cache));
  } catch {
    return undefined;
  }
}

/** The `require` a module's code receives, as Node's own loader makes it (resolved from the module, cached alike). */
function requireFor(module: Module, statics: ModuleStatics): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = ((request: string, options?: unknown) => statics._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  require.cache = statics._cache as NodeJS.Require['cache'];
  return require;
}

function saveBytecode(dir: string, index: Index, compiled: { rel: string; filename: string; script: vm.Script }[]): void {
  mkdirSync(dir, { recursive: true });
  for (const { rel, filename, script } of compiled) {
    const st = statSync(filename);
    const cache = `${rel.replace(/[/.]/g, '_')}.bin`;
    writeFileSync(path.join(dir, cache), script.createCachedData());
    index[rel] = { size: st.size, mtimeMs: st.mtimeMs, cache };
  }
  writeFileSync(path.join(dir, INDEX), JSON.stringify(index, null, 1) + '\n');
}
