import { serviceTokenConfigShape } from '@marketplace/auth';
import { booleanVar, dataServiceConfigSchema, optional } from '@marketplace/platform';
import { z } from 'zod';
import { recommendationConfigShape } from './recommendations/recommendation-settings';

/** Search reads catalog events into its own log and projection; it checks tokens against identity's keys. */
export const searchConfigSchema = dataServiceConfigSchema.extend({
  ...serviceTokenConfigShape,
  ...recommendationConfigShape,
  /** Consumer group of the catalog topics (default SERVICE_NAME); a second deployment with its own read model takes its own. */
  SEARCH_CONSUMER_GROUP: z.string().regex(/^[a-zA-Z0-9._-]{1,200}$/).optional(),
  /**
   * Catalog events into the log a partition batch at a time, one transaction and one offset commit per
   * batch (unset or true); false: one of each per event, the path before batches (for comparison).
   */
  SEARCH_CONSUMER_BATCH: optional(booleanVar),
  /**
   * Text to vectors for semantic search: `minilm` (all-MiniLM-L6-v2 run in this process; start fails without its
   * files), `none`, or `auto` (the model when its files are in SEARCH_MODEL_DIR, none otherwise).
   */
  SEARCH_EMBEDDER: z.enum(['auto', 'minilm', 'none'], { error: 'must be auto, minilm or none' }).default('auto'),
  /** Folder of the model's files, relative to the repository root unless absolute; `bash infra/embedding-model.sh fetch` fills the default. */
  SEARCH_MODEL_DIR: optional(z.string().min(1)),
  /**
   * Where product vectors are searched: `pgvector` (HNSW; start fails without the extension), `exact` (an exact
   * scan in this process), or `auto` (pgvector when the database has or can create it, else exact).
   */
  SEARCH_VECTOR_INDEX: z.enum(['auto', 'pgvector', 'exact'], { error: 'must be auto, pgvector or exact' }).default('auto'),
});

export type SearchConfig = z.output<typeof searchConfigSchema>;
