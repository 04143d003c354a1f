import type { Clock } from '@marketplace/kernel';
import { CLOCK } from '@marketplace/kernel';
import { type DynamicModule, type InjectionToken, Module, type Provider } from '@nestjs/common';
import { OrderEventsController } from './api/order-events.controller';
import { RecommendationsController } from './api/recommendations.controller';
import { RecommendationsService } from './application/recommendations.service';
import { PLATFORM_CONFIG } from '@marketplace/platform';
import type { SearchConfig } from '../search-config';
import { SIMILAR_PRODUCTS, type SimilarProducts } from './domain/similar-products';
import { OrderEventIntake } from './infrastructure/order-event-intake';
import { RecommendationsRepository } from './infrastructure/recommendations.repository';
import { VectorSimilarProducts } from './infrastructure/vector-similar-products';
import { RECOMMENDATION_SETTINGS, recommendationSettings } from './recommendation-settings';

export interface RecommendationsOptions {
  /** Where `kind=similar` gets its neighbours; default: the products' vectors. */
  similar?: { inject?: InjectionToken[]; useFactory: (...deps: never[]) => SimilarProducts | Promise<SimilarProducts> };
  /** Overrides the service's clock (tests fix the time popularity decays from). */
  clock?: Clock;
}

/**
 * `GET /products/:id/recommendations` and what feeds it: orders.order.v1 into search's log (the
 * recommendations projection itself runs with search's others, see search-event-sourcing.ts).
 */
@Module({})
export class RecommendationsModule {
  static forRoot(options: RecommendationsOptions = {}): DynamicModule {
    const providers: Provider[] = [
      RecommendationsRepository,
      RecommendationsService,
      OrderEventIntake,
      { provide: RECOMMENDATION_SETTINGS, inject: [PLATFORM_CONFIG], useFactory: (config: SearchConfig) => recommendationSettings(config) },
      options.similar ? { provide: SIMILAR_PRODUCTS, ...options.similar } : { provide: SIMILAR_PRODUCTS, useClass: VectorSimilarProducts },
      ...(options.clock ? [{ provide: CLOCK, useValue: options.clock }] : []),
    ];
    return { module: RecommendationsModule, controllers: [RecommendationsController, OrderEventsController], providers };
  }
}
