import { z } from 'zod';

/** The standard error body (DESIGN.md, Public HTTP API), exactly: no other keys. */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    message: z.string().min(1),
    details: z.array(z.strictObject({ field: z.string(), message: z.string() })),
    request_id: z.string().min(1),
    timestamp: z.iso.datetime(),
  }),
});

export type ErrorBodyShape = z.infer<typeof errorBodySchema>;
