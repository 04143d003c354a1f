import { EventSourcingModule, KNEX } from '@marketplace/platform';
import type { Knex } from 'knex';
import { searchProjections } from '../ops-manifest';
import type { VectorParts } from './projection/product-vectors';
import { VECTOR_PARTS } from './vectors/vector-parts';
import { recommendationsProjection } from './projection/recommendations.projection';

/** Search's own log of catalog and order events and the projections of it: the search read model and the purchase counts. */
export const searchEventSourcing = EventSourcingModule.forRoot({
  projections: {
    inject: [KNEX, VECTOR_PARTS],
    useFactory: async (knex: Knex, vectors: VectorParts) => [...(await searchProjections(knex, vectors)), recommendationsProjection()],
  },
});
