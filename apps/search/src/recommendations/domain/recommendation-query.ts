import { z } from 'zod';

export const RECOMMENDATION_KINDS = ['bought_together', 'similar', 'popular'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** `GET /products/:id/recommendations` query string. */
export const recommendationQuerySchema = z.strictObject({
  kind: z.enum(RECOMMENDATION_KINDS),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export type RecommendationQuery = z.output<typeof recommendationQuerySchema>;

export const productIdParamsSchema = z.strictObject({ id: z.uuid() });
