/** Where a consumer reports what it did; wired to Prometheus counters by the service, or left out. */
export interface ConsumerMetrics {
  handled(labels: DeliveryLabels): void;
  retried(labels: DeliveryLabels & { attempt: number }): void;
  deadLettered(labels: DeliveryLabels & { reason: DeadLetterReason }): void;
}

export interface DeliveryLabels {
  topic: string;
  group: string;
}

/** invalid: not a valid event; failed: every attempt threw; unprocessable: the handler said retrying cannot help. */
export type DeadLetterReason = 'invalid' | 'failed' | 'unprocessable';
