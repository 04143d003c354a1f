import type { ProjectionDefinition } from '@marketplace/projections';
import type { Knex } from 'knex';
import { searchProductsProjection } from './infrastructure/projection/search-products.projection';
import { trigramSchema } from './infrastructure/trigram-extension';

/** Search's read models; they need to know where pg_trgm lives in this database. */
export async function searchProjections(knex: Knex): Promise<readonly ProjectionDefinition[]> {
  return [searchProductsProjection({ trigramSchema: await trigramSchema(knex) })];
}

/** What the ops CLI (tools/ops) may use of this service, and the only file of it that the CLI imports. */
export const searchOpsManifest = {
  service: 'search',
  deciders: {},
  projections: searchProjections,
};
