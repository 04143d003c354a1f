import type {
  ProductArchived,
  ProductCreated,
  ProductPriceChanged,
  ProductPublished,
  ProductUpdated,
  ReviewPosted,
} from '@marketplace/contracts';
import type { CategoryPath } from './category-paths';
import { emptyProduct, type ProductDocument } from './product-document';

/** The product events the read model folds, by their contract type. */
export type ProductFact =
  | { type: 'marketplace.catalog.ProductCreated.v1'; data: ProductCreated }
  | { type: 'marketplace.catalog.ProductUpdated.v1'; data: ProductUpdated }
  | { type: 'marketplace.catalog.ProductPriceChanged.v1'; data: ProductPriceChanged }
  | { type: 'marketplace.catalog.ProductPublished.v1'; data: ProductPublished }
  | { type: 'marketplace.catalog.ProductArchived.v1'; data: ProductArchived }
  | { type: 'marketplace.catalog.ReviewPosted.v1'; data: ReviewPosted }
  | { type: 'stock'; data: { productId: string; available: number; at: string } };

/** Folds one fact into a product; `pathOf` gives a category's current path. Pure. */
export function evolveProduct(row: ProductDocument | undefined, fact: ProductFact, pathOf: (categoryId: string) => CategoryPath): ProductDocument {
  const product = row ?? emptyProduct(fact.data.productId);
  switch (fact.type) {
    case 'marketplace.catalog.ProductCreated.v1': {
      const { data } = fact;
      return {
        ...described(product, data, pathOf),
        price_amount: data.price.amount,
        price_currency: data.price.currency,
        created_at: data.createdAt,
        updated_at: data.createdAt,
      };
    }
    case 'marketplace.catalog.ProductUpdated.v1':
      return { ...described(product, fact.data, pathOf), updated_at: fact.data.updatedAt };
    case 'marketplace.catalog.ProductPriceChanged.v1':
      return { ...product, price_amount: fact.data.price.amount, price_currency: fact.data.price.currency, updated_at: fact.data.changedAt };
    case 'marketplace.catalog.ProductPublished.v1':
      // Archived is final: a late or repeated publish never brings a product back.
      return product.status === 'archived' ? product : { ...product, status: 'published', published_at: fact.data.publishedAt };
    case 'marketplace.catalog.ProductArchived.v1':
      return { ...product, status: 'archived', updated_at: fact.data.archivedAt };
    case 'marketplace.catalog.ReviewPosted.v1':
      return { ...product, rating_sum: product.rating_sum + fact.data.rating, rating_count: product.rating_count + 1 };
    case 'stock':
      // Reservations are keyed by order, so stock events of one product may arrive out of order.
      if (product.stock_as_of !== null && Date.parse(fact.data.at) < Date.parse(product.stock_as_of)) return product;
      return { ...product, available: fact.data.available, stock_as_of: fact.data.at };
    default:
      return assertNever(fact);
  }
}

/** Places a product under its category's current path. */
export function withCategoryPath(product: ProductDocument, path: CategoryPath): ProductDocument {
  return { ...product, category_path_ids: path.ids, category_path_names: path.names, category_names: path.names.join(' ') };
}

/** The descriptive fields both ProductCreated and ProductUpdated carry in full; a row known only from stock becomes a draft. */
function described(product: ProductDocument, data: ProductCreated | ProductUpdated, pathOf: (categoryId: string) => CategoryPath): ProductDocument {
  const keys = Object.keys(data.attributes);
  return withCategoryPath({
    ...product,
    status: product.status === 'pending' ? 'draft' : product.status,
    seller_id: data.sellerId,
    category_id: data.categoryId,
    title: data.title,
    description: data.description,
    attributes: data.attributes,
    attribute_keys: keys.join(' '),
    attribute_values: keys.flatMap((key) => data.attributes[key]).join(' '),
    image_urls: data.imageUrls,
  }, pathOf(data.categoryId));
}

function assertNever(value: never): never {
  throw new TypeError(`Unhandled product fact ${JSON.stringify(value)}`);
}
