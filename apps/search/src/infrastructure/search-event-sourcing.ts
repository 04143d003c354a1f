import { EventSourcingModule, KNEX } from '@marketplace/platform';
import type { Knex } from 'knex';
import { searchProjections } from '../ops-manifest';
import type { VectorParts } from './projection/product-vectors';
import { VECTOR_PARTS } from './vectors/vector-parts';

/** Search's own log of catalog and order events and the projections of it: the search read model and the purchase counts. */
export const searchEventSourcing = EventSourcingModule.forRoot({
  projections: {
    inject: [KNEX, VECTOR_PARTS],
    useFactory: (knex: Knex, vectors: VectorParts) => searchProjections(knex, vectors),
  },
});
