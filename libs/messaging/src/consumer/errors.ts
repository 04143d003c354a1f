/** Even the dead-letter topic refused the message: it must stay uncommitted and be delivered again. */
export class DeadLetterPublishError extends Error {
  override readonly name = 'DeadLetterPublishError';

  constructor(
    readonly topic: string,
    readonly offset: string,
    override readonly cause: unknown,
  ) {
    super(`Could not publish the dead letter for ${topic}@${offset}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Thrown by a handler for an event it can never handle (a link sealed under a key this service does
 * not hold, say): retrying cannot help, so the message goes to the dead-letter topic at once instead of
 * holding its partition through every backoff.
 */
export class UnprocessableEventError extends Error {
  override readonly name: string = 'UnprocessableEventError';
}
