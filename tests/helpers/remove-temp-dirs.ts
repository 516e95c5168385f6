// Setup file of the cli project (vitest.config.ts): the temporary folders a test file made with tempDir() are removed
// once its tests are done, so that test runs do not fill the temporary folder.
import { afterAll } from 'vitest';
import { removeMadeDirs } from './cli';

afterAll(removeMadeDirs);
