import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { NotFoundError } from '@marketplace/platform';
import { dayWeights } from '../domain/popularity';
import type { RecommendationKind, RecommendationQuery } from '../domain/recommendation-query';
import { SIMILAR_PRODUCTS, type SimilarProducts } from '../domain/similar-products';
import { type RecommendedProduct, RecommendationsRepository, type SubjectProduct } from '../infrastructure/recommendations.repository';
import { RECOMMENDATION_SETTINGS, type RecommendationSettings } from '../recommendation-settings';

export interface Recommendations {
  productId: string;
  kind: RecommendationKind;
  items: RecommendedProduct[];
}

@Injectable()
export class RecommendationsService {
  constructor(
    private readonly repository: RecommendationsRepository,
    @Inject(SIMILAR_PRODUCTS) private readonly similar: SimilarProducts,
    @Inject(RECOMMENDATION_SETTINGS) private readonly settings: RecommendationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Products to show beside a published product; one search does not know or has not published is a 404. */
  async recommend(productId: string, { kind, limit }: RecommendationQuery): Promise<Recommendations> {
    const subject = await this.repository.subject(productId);
    if (!subject?.published) throw new NotFoundError(`Product ${productId} not found`, { code: 'product_not_found' });
    return { productId, kind, items: await this.items(productId, subject, kind, limit) };
  }

  private async items(productId: string, subject: SubjectProduct, kind: RecommendationKind, limit: number): Promise<RecommendedProduct[]> {
    switch (kind) {
      case 'bought_together':
        return this.repository.boughtTogether(productId, this.settings.minSupport, limit);
      case 'popular':
        if (subject.topCategoryId === null) return [];
        return this.repository.popular(subject.topCategoryId, productId, dayWeights(this.clock.now(), this.settings.halfLifeDays), limit);
      case 'similar': {
        // Asked for one more: the port may answer the product itself, which is never recommended.
        const ids = await this.similar.similarTo(productId, limit + 1);
        return ids === undefined ? [] : (await this.repository.offered(ids, productId)).slice(0, limit);
      }
      default: {
        const unknown: never = kind;
        return unknown;
      }
    }
  }
}
