/** Exit codes: 0 done, 1 invalid or rejected input, 2 usage error, 130 interrupted. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, interrupted: 130 } as const;

export { UsageError } from '../app/errors.js';

/** Ends the command with an exit code after the command printed its own message. */
export class ExitError extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
