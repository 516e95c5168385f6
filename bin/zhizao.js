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
  });
