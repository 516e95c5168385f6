// Safe file names are one rule for the interview and batch: src/core/file-names.ts.
export { safeFileName, UniqueNames } from '../file-names.js';
