import type { ProjectionDefinition } from '@marketplace/projections';
import type { Knex } from 'knex';
import type { VectorParts } from './infrastructure/projection/product-vectors';
import { recommendationsProjection } from './infrastructure/projection/recommendations.projection';
import { searchProductsProjection } from './infrastructure/projection/search-products.projection';
import { trigramSchema } from './infrastructure/trigram-extension';
import { loadVectorParts } from './infrastructure/vectors/vector-parts';
import { searchConfigSchema } from './search-config';

/**
 * Search's read models (the products with their vectors, and the purchase counts); the first needs to know where pg_trgm lives in this database, and the embedding model
 * and vector index, which the service shares with its searches and the ops CLI loads from its environment.
 */
export async function searchProjections(knex: Knex, vectors?: VectorParts): Promise<readonly ProjectionDefinition[]> {
  const parts = vectors ?? (await vectorPartsFromEnvironment(knex));
  return [searchProductsProjection({ trigramSchema: await trigramSchema(knex), vectors: parts }), recommendationsProjection()];
}

function vectorPartsFromEnvironment(knex: Knex): Promise<VectorParts> {
  const config = searchConfigSchema.pick({ SEARCH_EMBEDDER: true, SEARCH_MODEL_DIR: true, SEARCH_VECTOR_INDEX: true }).parse(process.env);
  // Only a rebuild of search-products embeds: the ops tooling loads the model then, not for every command.
  return loadVectorParts(knex, config, { info: (message: string) => process.stderr.write(`search: ${message}\n`) }, { lazy: true });
}

/** What the ops CLI (tools/ops) may use of this service, and the only file of it that the CLI imports. */
export const searchOpsManifest = {
  service: 'search',
  deciders: {},
  projections: (knex: Knex) => searchProjections(knex),
};
