import { EventSourcingModule, KNEX } from '@marketplace/platform';
import type { Knex } from 'knex';
import { searchProductsProjection } from './projection/search-products.projection';
import { trigramSchema } from './trigram-extension';

/** Search's own log of catalog events and the projection of it into the search read model. */
export const searchEventSourcing = EventSourcingModule.forRoot({
  projections: {
    inject: [KNEX],
    useFactory: async (knex: Knex) => [searchProductsProjection({ trigramSchema: await trigramSchema(knex) })],
  },
});
