#!/usr/bin/env node
// Tiny launcher (CommonJS: bin/package.json): all logic lives in dist/bundle/main.js, the bundled build of
// src/cli/main.ts (scripts/bundle.mjs), compiled with the bytecode the build kept when it is there
// (src/cli/code-cache.ts, bundled as dist/bundle/launch.js).
'use strict';
const path = require('node:path');

require('../dist/bundle/launch.js').useCodeCache(path.join(__dirname, '..', 'dist'));
require('../dist/bundle/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
    // The command has finished: every file it writes is written and closed before main() resolves. Leave once what
    // it printed has reached stdout and stderr (writes to a pipe are asynchronous on Windows), instead of waiting for
    // the event loop to run dry: V8 finishes an incremental garbage collection first, about 10 ms of an HTML
    // report's 135 ms start-up for nothing (docs/performance.md, "Start-up").
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  });
