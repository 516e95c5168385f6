import { defineConfig } from 'vitest/config';

/**
 * Three projects, all run by `npm test`:
 * - `unit` (`npm run test:unit`, the inner loop, seconds): the pure code and the renderers called in-process, and the
 *   quick fuzz runs; no built CLI, one module graph per worker thread;
 * - `properties`: the long property runs over the bundled questionnaire (in-process too);
 * - `cli`: everything that runs the built CLI as a user would (end-to-end, browser, interactive, security, the CLI
 *   fuzz run); its set-up builds dist/ first when the sources changed (tests/helpers/build-once.ts).
 */
const PROPERTIES = ['tests/unit/scoring-properties.test.ts', 'tests/fuzz/answers.fuzz.test.ts', 'tests/fuzz/tables.fuzz.test.ts'];
const UNIT = ['tests/unit/**/*.test.ts', 'tests/fuzz/expression.fuzz.test.ts', 'tests/fuzz/yaml-fast.fuzz.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      // (each project removes the temporary folders its test files made with tempDir(): the unit tests' were left)
      { extends: true, test: { name: 'unit', include: UNIT, exclude: PROPERTIES, pool: 'threads', isolate: false, setupFiles: ['tests/helpers/remove-temp-dirs.ts'] } },
      { extends: true, test: { name: 'properties', include: PROPERTIES, setupFiles: ['tests/helpers/remove-temp-dirs.ts'] } },
      { extends: true, test: { name: 'cli', include: ['tests/**/*.test.ts'], exclude: [...UNIT, ...PROPERTIES], globalSetup: ['tests/helpers/build-once.ts'], setupFiles: ['tests/helpers/remove-temp-dirs.ts'] } },
    ],
  },
});
