// Preload for tests/security/startup-modules.test.ts: records every module a run loads, one URL or request per
// line in ZHIZAO_MODULE_LOG. ESM imports (and ESM → CommonJS entry points) through a resolve hook registered
// with module.register (the hook runs off the main thread on Node 20); CommonJS require() through Module._load.
// Used as NODE_OPTIONS=--import=<this file>.
import { appendFileSync } from 'node:fs';
import module from 'node:module';

const log = process.env.ZHIZAO_MODULE_LOG;
if (log) {
  module.register('./module-log-hooks.mjs', import.meta.url, { data: { log } });
  const load = module.Module._load;
  module.Module._load = function (request, parent, ...rest) {
    const loaded = load.call(this, request, parent, ...rest);
    try {
      // the file it resolved to: the bundled chunks require each other by relative paths
      let resolved = '';
      try {
        resolved = module.Module._resolveFilename(request, parent, false);
      } catch {
        /* a built-in or an unresolvable request: the request says it */
      }
      appendFileSync(log, `cjs ${request} ${resolved} ${parent?.filename ?? ''}\n`);
    } catch {
      /* the log is best effort */
    }
    return loaded;
  };
}
