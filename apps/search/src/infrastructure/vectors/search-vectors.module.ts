import { KNEX, LOGGER, type Logger, PLATFORM_CONFIG, ReadinessRegistry } from '@marketplace/platform';
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Knex } from 'knex';
import { EMBEDDER } from '../../domain/embedder';
import type { SearchConfig } from '../../search-config';
import type { VectorParts } from '../projection/product-vectors';
import { describeVectors } from './describe-vectors';
import { VECTOR_INDEX } from './vector-index';
import { loadVectorParts, VECTOR_PARTS } from './vector-parts';

/** Reports the model and index on /ready, and releases the model's native session when the app closes. */
@Injectable()
class VectorsLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(VECTOR_PARTS) private readonly parts: VectorParts,
    @Inject(KNEX) knex: Knex,
    readiness: ReadinessRegistry,
  ) {
    readiness.register('vectors', () => describeVectors(knex, parts.embedder, parts.index));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.parts.embedder.close();
  }
}

/**
 * The embedding model and the vector index, chosen once at start and shared by the projection (which
 * writes vectors) and the searches (which read them).
 */
@Global()
@Module({
  providers: [
    {
      provide: VECTOR_PARTS,
      inject: [KNEX, PLATFORM_CONFIG, LOGGER],
      useFactory: (knex: Knex, config: SearchConfig, logger: Logger) => loadVectorParts(knex, config, logger),
    },
    { provide: EMBEDDER, inject: [VECTOR_PARTS], useFactory: (parts: VectorParts) => parts.embedder },
    { provide: VECTOR_INDEX, inject: [VECTOR_PARTS], useFactory: (parts: VectorParts) => parts.index },
    VectorsLifecycle,
  ],
  exports: [VECTOR_PARTS, EMBEDDER, VECTOR_INDEX],
})
export class SearchVectorsModule {}
