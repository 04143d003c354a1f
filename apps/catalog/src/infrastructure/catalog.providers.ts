import type { Provider } from '@nestjs/common';
import { eventFactoryProvider } from '@marketplace/platform';
import { CategoriesRepository } from './categories-repository';
import { DeliveredPurchasesRepository } from './delivered-purchases-repository';
import { ProductsRepository } from './products-repository';
import { ReviewsRepository } from './reviews-repository';

/** The catalog's events: source `marketplace/catalog`. */
export const catalogEventFactory: Provider = eventFactoryProvider('catalog');

/** The infrastructure behind the catalog's application services. */
export const catalogProviders: Provider[] = [
  catalogEventFactory,
  { provide: CategoriesRepository, useValue: new CategoriesRepository() },
  { provide: ProductsRepository, useValue: new ProductsRepository() },
  { provide: ReviewsRepository, useValue: new ReviewsRepository() },
  { provide: DeliveredPurchasesRepository, useValue: new DeliveredPurchasesRepository() },
];
