import type { Provider } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CatalogEvents } from '../application/catalog-events';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '../domain/clock';
import { CategoriesRepository } from './categories-repository';
import { DeliveredPurchasesRepository } from './delivered-purchases-repository';
import { ProductsRepository } from './products-repository';
import { ReviewsRepository } from './reviews-repository';

const systemClock: Clock = { now: () => new Date() };
const uuids: IdGenerator = { next: () => randomUUID() };

/** The infrastructure behind the catalog's application services. */
export const catalogProviders: Provider[] = [
  { provide: CLOCK, useValue: systemClock },
  { provide: ID_GENERATOR, useValue: uuids },
  { provide: CatalogEvents, inject: [CLOCK, ID_GENERATOR], useFactory: (clock: Clock, ids: IdGenerator) => new CatalogEvents(clock, ids) },
  { provide: CategoriesRepository, useValue: new CategoriesRepository() },
  { provide: ProductsRepository, useValue: new ProductsRepository() },
  { provide: ReviewsRepository, useValue: new ReviewsRepository() },
  { provide: DeliveredPurchasesRepository, useValue: new DeliveredPurchasesRepository() },
];
