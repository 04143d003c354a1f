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
    case 'marketplace.catalog.ProductCreated.v1':
    case 'marketplace.catalog.ProductUpdated.v1': {
      const { data } = fact;
      const created = fact.type === 'marketplace.catalog.ProductCreated.v1' ? fact.data : undefined;
      const updated = fact.type === 'marketplace.catalog.ProductUpdated.v1' ? fact.data : undefined;
      return {
        ...product,
        ...describe(data, pathOf(data.categoryId)),
        ...(created && {
          price_amount: created.price.amount,
          price_currency: created.price.currency,
          created_at: created.createdAt,
        }),
        status: product.status === 'pending' ? 'draft' : product.status,
        updated_at: created?.createdAt ?? updated?.updatedAt ?? product.updated_at,
      };
    }
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

function describe(data: ProductCreated | ProductUpdated, path: CategoryPath): Partial<ProductDocument> {
  const keys = Object.keys(data.attributes);
  return {
    seller_id: data.sellerId,
    category_id: data.categoryId,
    category_path_ids: path.ids,
    category_path_names: path.names,
    category_names: path.names.join(' '),
    title: data.title,
    description: data.description,
    attributes: data.attributes,
    attribute_keys: keys.join(' '),
    attribute_values: keys.flatMap((key) => data.attributes[key]).join(' '),
    image_urls: data.imageUrls,
  };
}

function assertNever(value: never): never {
  throw new TypeError(`Unhandled product fact ${JSON.stringify(value)}`);
}
