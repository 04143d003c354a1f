import { AuthModule } from '@marketplace/auth';
import { KNEX, PlatformModule, serviceMessaging } from '@marketplace/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { CatalogEventsController } from './api/catalog-events.controller';
import { SearchController } from './api/search.controller';
import { SearchService } from './application/search.service';
import { CatalogEventIntake, inboxMigration } from './infrastructure/catalog-event-intake';
import { ProductSearchRepository } from './infrastructure/product-search.repository';
import { searchEventSourcing } from './infrastructure/search-event-sourcing';
import { TRIGRAM_SCHEMA, trigramMigration, trigramSchema } from './infrastructure/trigram-extension';
import { SearchVectorsModule } from './infrastructure/vectors/search-vectors.module';
import { RecommendationsModule, type RecommendationsOptions } from './recommendations/recommendations.module';
import type { SearchConfig } from './search-config';

/**
 * The search service: catalog and order events into its own event log, projections of that log into a
 * PostgreSQL read model with product vectors and into purchase counts, `GET /search` and
 * `GET /products/:id/recommendations` over them. `forRoot` takes what tests replace (the clock).
 */
@Module({})
export class AppModule {
  static forRoot(options: { recommendations?: RecommendationsOptions } = {}): DynamicModule {
    return {
      module: AppModule,
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
        RecommendationsModule.forRoot(options.recommendations),
      ],
      controllers: [SearchController, CatalogEventsController],
      providers: [{ provide: TRIGRAM_SCHEMA, inject: [KNEX], useFactory: trigramSchema }, ProductSearchRepository, CatalogEventIntake, SearchService],
    };
  }
}
