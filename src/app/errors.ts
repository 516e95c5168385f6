import { formatMessage, type MessageArgs, type MessageCode } from '../messages/catalogue.js';

/** A problem with how a use case was asked for (a command line's usage error: exit 2). */
export class UsageError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly args: MessageArgs = {},
  ) {
    // The English text as the error's message (logs, tests); the command line prints it in the user's language.
    super(formatMessage(code, args, 'en'));
  }
}
