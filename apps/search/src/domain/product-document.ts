/** Where a product is in its life; `pending` is a row known only from stock events so far. */
export type ProductStatus = 'pending' | 'draft' | 'published' | 'archived';

/** One product of the search read model, as the projection folds it (timestamps as ISO strings). */
export interface ProductDocument {
  id: string;
  seller_id: string | null;
  category_id: string | null;
  category_path_ids: string[];
  category_path_names: string[];
  /** The path's names joined, for the text index (a generated column cannot join an array). */
  category_names: string;
  title: string | null;
  description: string;
  attributes: Record<string, string[]>;
  attribute_keys: string;
  attribute_values: string;
  image_urls: string[];
  price_amount: number | null;
  price_currency: string | null;
  status: ProductStatus;
  available: number;
  /** Time of the stock event `available` comes from: an older one arriving late is ignored. */
  stock_as_of: string | null;
  rating_sum: number;
  rating_count: number;
  created_at: string | null;
  published_at: string | null;
  updated_at: string | null;
}

export function emptyProduct(id: string): ProductDocument {
  return {
    id,
    seller_id: null,
    category_id: null,
    category_path_ids: [],
    category_path_names: [],
    category_names: '',
    title: null,
    description: '',
    attributes: {},
    attribute_keys: '',
    attribute_values: '',
    image_urls: [],
    price_amount: null,
    price_currency: null,
    status: 'pending',
    available: 0,
    stock_as_of: null,
    rating_sum: 0,
    rating_count: 0,
    created_at: null,
    published_at: null,
    updated_at: null,
  };
}

export const PRODUCT_COLUMNS = Object.keys(emptyProduct('')) as (keyof ProductDocument)[];
