import { z } from 'zod';

/**
 * CloudEvents 1.0 structured JSON envelope carried as the Kafka message value.
 * `type` carries the event version (`marketplace.orders.OrderPlaced.v1`); `subject` is the aggregate id
 * and is also the message key.
 */
export interface CloudEvent<TData = unknown, TType extends string = string> {
  id: string;
  source: string;
  type: TType;
  specversion: '1.0';
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  data: TData;
  correlationid?: string;
  causationid?: string;
  traceparent?: string;
}

export const cloudEventSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().regex(/^marketplace\.[a-z]+\.[A-Za-z]+\.v\d+$/, 'type must look like marketplace.<context>.<Event>.v<N>'),
  specversion: z.literal('1.0'),
  time: z.iso.datetime({ offset: false }),
  subject: z.string().min(1),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
  correlationid: z.string().optional(),
  causationid: z.string().optional(),
  traceparent: z.string().optional(),
});
