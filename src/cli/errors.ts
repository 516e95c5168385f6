/** Exit codes of product.md §3. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, interrupted: 130 } as const;

/** A problem with how the command was called (exit 2). */
export class UsageError extends Error {}

/** Ends the command with an exit code after the command printed its own message. */
export class ExitError extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
