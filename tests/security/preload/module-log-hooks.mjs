// Resolve hook for module-log.mjs: logs the URL of every module resolved by the ESM loader.
import { appendFileSync } from 'node:fs';

let log;
export async function initialize(data) {
  log = data?.log;
}
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (log) appendFileSync(log, `esm ${r.url}\n`);
  return r;
}
