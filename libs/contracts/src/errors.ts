import type { z } from 'zod';

export interface EventIssue {
  /** Dotted path into the CloudEvent, e.g. `data.lines.0.unitPrice.amount`; empty for the whole event. */
  path: string;
  message: string;
}

export type InvalidEventReason = 'invalid_envelope' | 'unknown_type' | 'invalid_data';

/** A CloudEvent that cannot be produced or consumed: bad envelope, unknown type or data failing its schema. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';

  constructor(
    readonly reason: InvalidEventReason,
    readonly details: EventIssue[],
    readonly eventType?: string,
  ) {
    super(
      `Invalid event${eventType ? ` ${eventType}` : ''} (${reason}): ` +
        details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; '),
    );
  }

  static fromZod(reason: InvalidEventReason, error: z.ZodError, prefix: string[], eventType?: string): InvalidEventError {
    const details = error.issues.map((issue) => ({
      path: [...prefix, ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    return new InvalidEventError(reason, details, eventType);
  }
}
