import { CloudEventFactory } from '@marketplace/contracts';
import { Outbox } from '@marketplace/messaging';
import { decodeCursor, KNEX, type Page } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Actor } from '../domain/actor';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { PurchaseRequiredError, ReviewExistsError } from '../domain/errors';
import { type Review, writeReview } from '../domain/review';
import { DeliveredPurchasesRepository } from '../infrastructure/delivered-purchases-repository';
import { ProductsRepository } from '../infrastructure/products-repository';
import { ReviewsRepository } from '../infrastructure/reviews-repository';
import { ProductsService } from './products.service';

/** Reviews by buyers who received the product; the product keeps their sum and count in the same transaction. */
@Injectable()
export class ReviewsService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly productsService: ProductsService,
    private readonly products: ProductsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly purchases: DeliveredPurchasesRepository,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  async post(author: Actor, productId: string, input: { rating: number; body?: string }): Promise<Review> {
    return this.db.transaction(async (trx) => {
      await this.productsService.loadVisible(trx, author, productId);
      if (!(await this.purchases.has(trx, author.id, productId))) throw new PurchaseRequiredError();
      const review = writeReview({ id: this.ids.next(), productId, authorId: author.id, ...input, now: this.clock.now() });
      if (!(await this.reviews.insert(trx, review))) throw new ReviewExistsError();
      await this.products.addRating(trx, productId, review.rating);
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.catalog.ReviewPosted.v1', productId, {
          reviewId: review.id,
          productId,
          authorId: author.id,
          rating: review.rating,
          ...(review.body === null ? {} : { body: review.body }),
          postedAt: review.postedAt.toISOString(),
        }),
      ]);
      return review;
    });
  }

  async list(actor: Actor | undefined, productId: string, page: { limit: number; cursor?: string }): Promise<Page<Review>> {
    await this.productsService.loadVisible(this.db, actor, productId);
    return this.reviews.list(this.db, productId, { limit: page.limit, after: page.cursor === undefined ? undefined : decodeCursor(page.cursor) });
  }
}
