import { z } from 'zod';

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest', 'rating'] as const;
export type SearchSort = (typeof SORTS)[number];

/** Text: words and typos. Semantic: meaning (the embedding model). Hybrid: both, fused. */
export const SEARCH_MODES = ['text', 'semantic', 'hybrid'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

const queryFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const minorUnits = z.coerce.number().int('must be an integer number of minor units').nonnegative().max(Number.MAX_SAFE_INTEGER);

/** `GET /search` query string. Prices are in minor units of the product's currency. */
export const searchQuerySchema = z
  .strictObject({
    q: z.string().trim().max(200).optional(),
    category: z.uuid().optional(),
    minPrice: minorUnits.optional(),
    maxPrice: minorUnits.optional(),
    inStock: queryFlag.optional(),
    sellerId: z.uuid().optional(),
    sort: z.enum(SORTS).default('relevance'),
    /** Unset: hybrid when search runs with an embedding model, else text. */
    mode: z.enum(SEARCH_MODES).optional(),
    cursor: z.string().max(1000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((query) => query.minPrice === undefined || query.maxPrice === undefined || query.minPrice <= query.maxPrice, {
    error: 'minPrice must not exceed maxPrice',
    path: ['minPrice'],
  });

export type SearchQuery = z.output<typeof searchQuerySchema>;

/** Words of the query, letters and digits only: what the text index and trigram matching compare. */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 20) ?? [];
}

/** Relevance needs words to rank by; without them results come newest first. */
export function effectiveSort(query: Pick<SearchQuery, 'q' | 'sort'>): SearchSort {
  return query.sort === 'relevance' && searchTerms(query.q).length === 0 ? 'newest' : query.sort;
}
