#!/usr/bin/env node
// Tiny launcher: all logic lives in dist/bundle/main.js, the bundled build of src/cli/main.ts (scripts/bundle.mjs).
import { main } from '../dist/bundle/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
