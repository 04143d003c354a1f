import type { Logger } from '@marketplace/platform';
import type { Knex } from 'knex';
import type { SearchConfig } from '../../search-config';
import { createEmbedder, type CreateEmbedderOptions } from '../embedding/create-embedder';
import { MINILM } from '../embedding/model-files';
import type { VectorParts } from '../projection/product-vectors';
import { chooseVectorIndex } from './choose-vector-index';

export const VECTOR_PARTS = Symbol('VECTOR_PARTS');

export type VectorConfig = Pick<SearchConfig, 'SEARCH_EMBEDDER' | 'SEARCH_MODEL_DIR' | 'SEARCH_VECTOR_INDEX'>;

/** The model SEARCH_EMBEDDER names and the index SEARCH_VECTOR_INDEX allows, chosen once per process. */
export async function loadVectorParts(db: Knex, config: VectorConfig, log: Pick<Logger, 'info'>, options?: Pick<CreateEmbedderOptions, 'lazy'>): Promise<VectorParts> {
  const embedder = await createEmbedder(config, log, options);
  // Without a model the table is still declared, at MiniLM's size: adding the model later needs no new table.
  const index = await chooseVectorIndex(db, config.SEARCH_VECTOR_INDEX, embedder.dimensions || MINILM.dimensions);
  log.info(`vector index: ${index.description}`);
  return { embedder, index };
}
