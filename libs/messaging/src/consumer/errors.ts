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
