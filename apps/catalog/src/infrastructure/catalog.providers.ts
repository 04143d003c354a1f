import type { Provider } from '@nestjs/common';
import { CloudEventFactory } from '@marketplace/contracts';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { CategoriesRepository } from './categories-repository';
import { DeliveredPurchasesRepository } from './delivered-purchases-repository';
import { ProductsRepository } from './products-repository';
import { ReviewsRepository } from './reviews-repository';


/** The catalog's events: source `marketplace/catalog`, ids and time from the platform. */
export const catalogEventFactory: Provider = {
  provide: CloudEventFactory,
  inject: [CLOCK, ID_GENERATOR],
  useFactory: (clock: Clock, ids: IdGenerator) => new CloudEventFactory('marketplace/catalog', clock, ids),
};

/** The infrastructure behind the catalog's application services. */
export const catalogProviders: Provider[] = [
  catalogEventFactory,
  { provide: CategoriesRepository, useValue: new CategoriesRepository() },
  { provide: ProductsRepository, useValue: new ProductsRepository() },
  { provide: ReviewsRepository, useValue: new ReviewsRepository() },
  { provide: DeliveredPurchasesRepository, useValue: new DeliveredPurchasesRepository() },
];
