import type { Clock } from '@marketplace/kernel';
import { CLOCK } from '@marketplace/kernel';
import { type DynamicModule, type InjectionToken, Module, type Provider } from '@nestjs/common';
import { OrderEventsController } from './api/order-events.controller';
import { RecommendationsController } from './api/recommendations.controller';
import { RecommendationsService } from './application/recommendations.service';
import { noSimilarProducts, SIMILAR_PRODUCTS, type SimilarProducts } from './domain/similar-products';
import { OrderEventIntake } from './infrastructure/order-event-intake';
import { RecommendationsRepository } from './infrastructure/recommendations.repository';
import { RECOMMENDATION_SETTINGS, type RecommendationSettings, recommendationSettings } from './recommendation-settings';

export interface RecommendationsOptions {
  /** Where `kind=similar` gets its neighbours; default: no embeddings, so an empty list. */
  similar?: { inject?: InjectionToken[]; useFactory: (...deps: never[]) => SimilarProducts | Promise<SimilarProducts> };
  /** Overrides the environment's settings. */
  settings?: Partial<RecommendationSettings>;
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
      { provide: RECOMMENDATION_SETTINGS, useFactory: () => ({ ...recommendationSettings(), ...options.settings }) },
      options.similar ? { provide: SIMILAR_PRODUCTS, ...options.similar } : { provide: SIMILAR_PRODUCTS, useValue: noSimilarProducts },
      ...(options.clock ? [{ provide: CLOCK, useValue: options.clock }] : []),
    ];
    return { module: RecommendationsModule, controllers: [RecommendationsController, OrderEventsController], providers };
  }
}
