import { AuthModule } from '@marketplace/auth';
import { KNEX, PlatformModule, serviceMessaging } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { CatalogEventsController } from './api/catalog-events.controller';
import { SearchController } from './api/search.controller';
import { SearchService } from './application/search.service';
import { CatalogEventIntake, inboxMigration } from './infrastructure/catalog-event-intake';
import { ProductSearchRepository } from './infrastructure/product-search.repository';
import { searchEventSourcing } from './infrastructure/search-event-sourcing';
import { TRIGRAM_SCHEMA, trigramMigration, trigramSchema } from './infrastructure/trigram-extension';
import { SearchVectorsModule } from './infrastructure/vectors/search-vectors.module';
import type { SearchConfig } from './search-config';

/**
 * The search service: catalog events into its own event log, a projection of that log into a
 * PostgreSQL full-text read model, and `GET /search` over it.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ database: { migrations: [trigramMigration, inboxMigration] }, bus: true }),
    serviceMessaging<SearchConfig>({
      groupId: (config) => config.SEARCH_CONSUMER_GROUP,
      consumerBatches: (config) => config.SEARCH_CONSUMER_BATCH,
      outboxRelay: false,
    }),
    AuthModule.forService(),
    SearchVectorsModule,
    searchEventSourcing,
  ],
  controllers: [SearchController, CatalogEventsController],
  providers: [
    { provide: TRIGRAM_SCHEMA, inject: [KNEX], useFactory: trigramSchema },
    ProductSearchRepository,
    CatalogEventIntake,
    SearchService,
  ],
})
export class AppModule {}
