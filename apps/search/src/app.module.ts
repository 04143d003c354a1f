import { AuthModule } from '@marketplace/auth';
import { type MessageBus, MessagingModule } from '@marketplace/messaging';
import { LOGGER, MESSAGE_BUS, PLATFORM_CONFIG, PlatformModule, schemaFor } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { CatalogEventsController } from './api/catalog-events.controller';
import { SearchController } from './api/search.controller';
import { SearchService } from './application/search.service';
import { createEmbedder, EMBEDDER } from './domain/embedder';
import { ProductSearchRepository } from './infrastructure/product-search.repository';
import { searchProjectionProviders } from './infrastructure/search-projection.providers';
import { trigramMigration } from './infrastructure/trigram-extension';
import type { SearchConfig } from './search-config';

/**
 * The search service: catalog events into its own event log, a projection of that log into a
 * PostgreSQL full-text read model, and `GET /search` over it.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ database: { migrations: [trigramMigration] }, bus: true }),
    MessagingModule.forRootAsync({
      inject: [PLATFORM_CONFIG, MESSAGE_BUS, LOGGER],
      useFactory: (config: SearchConfig, bus: MessageBus, logger: Logger) => {
        const log = logger.child({ component: 'messaging' });
        return {
          serviceName: config.SERVICE_NAME,
          groupId: config.SEARCH_CONSUMER_GROUP ?? config.SERVICE_NAME,
          schema: schemaFor(config.SERVICE_NAME),
          databaseUrl: config.DATABASE_URL,
          bus,
          logger: (level, message, fields) => log[level](fields ?? {}, message),
        };
      },
    }),
    AuthModule.forRootAsync({
      inject: [PLATFORM_CONFIG],
      useFactory: (config: SearchConfig) => ({
        jwksUrl: new URL('/auth/jwks.json', config.IDENTITY_URL).toString(),
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
      }),
    }),
  ],
  controllers: [SearchController, CatalogEventsController],
  providers: [
    ...searchProjectionProviders,
    ProductSearchRepository,
    SearchService,
    { provide: EMBEDDER, inject: [PLATFORM_CONFIG], useFactory: (config: SearchConfig) => createEmbedder(config.SEARCH_EMBEDDER) },
  ],
})
export class AppModule {}
