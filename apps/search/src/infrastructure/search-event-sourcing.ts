import { EventSourcingModule, KNEX } from '@marketplace/platform';
import type { Knex } from 'knex';
import { searchProjections } from '../ops-manifest';

/** Search's own log of catalog events and the projection of it into the search read model. */
export const searchEventSourcing = EventSourcingModule.forRoot({
  projections: {
    inject: [KNEX],
    useFactory: (knex: Knex) => searchProjections(knex),
  },
});
