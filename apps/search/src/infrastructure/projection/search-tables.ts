import type { TableDefinition } from '@marketplace/projections';

/**
 * Text search configuration: `simple` (lower-casing, no stemming, no stop words). Titles are full of
 * brand and model names and the catalog is not English-only; stemming would mangle those, and prefix
 * matching (`term:*`) plus trigram fallback covers plurals and typos instead.
 */
export const TEXT_CONFIG = 'simple';

export const CATEGORIES_TABLE = 'categories';
export const PRODUCTS_TABLE = 'products';

export const categoriesTable: TableDefinition = {
  name: CATEGORIES_TABLE,
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       id uuid PRIMARY KEY,
       parent_id uuid,
       name text NOT NULL,
       slug text NOT NULL,
       path_ids uuid[] NOT NULL,
       path_names text[] NOT NULL
     )`,
    `CREATE INDEX ${t.ident('parent_idx')} ON ${t.sql} (parent_id)`,
  ],
};

/** Products with a weighted text vector: title A, category names and attribute values B, attribute names C, description D. */
export function productsTable(trigramSchema: string): TableDefinition {
  const vector = (column: string, weight: string) => `setweight(to_tsvector('${TEXT_CONFIG}'::regconfig, ${column}), '${weight}')`;
  return {
    name: PRODUCTS_TABLE,
    ddl: (t) => [
      `CREATE TABLE ${t.sql} (
         id uuid PRIMARY KEY,
         seller_id uuid,
         category_id uuid,
         category_path_ids uuid[] NOT NULL DEFAULT '{}',
         category_path_names text[] NOT NULL DEFAULT '{}',
         category_names text NOT NULL DEFAULT '',
         title text,
         description text NOT NULL DEFAULT '',
         attributes jsonb NOT NULL DEFAULT '{}',
         attribute_keys text NOT NULL DEFAULT '',
         attribute_values text NOT NULL DEFAULT '',
         image_urls jsonb NOT NULL DEFAULT '[]',
         price_amount bigint,
         price_currency text,
         status text NOT NULL DEFAULT 'pending',
         available integer NOT NULL DEFAULT 0,
         stock_as_of timestamptz,
         rating_sum integer NOT NULL DEFAULT 0,
         rating_count integer NOT NULL DEFAULT 0,
         rating_avg numeric GENERATED ALWAYS AS (CASE WHEN rating_count = 0 THEN 0 ELSE round(rating_sum::numeric / rating_count, 4) END) STORED,
         created_at timestamptz,
         published_at timestamptz,
         updated_at timestamptz,
         search_vector tsvector GENERATED ALWAYS AS (
           ${vector("coalesce(title, '')", 'A')} || ${vector('category_names', 'B')} || ${vector('attribute_values', 'B')}
           || ${vector('attribute_keys', 'C')} || ${vector('description', 'D')}
         ) STORED
       )`,
      // fastupdate off: a GIN pending list makes the planner cost the index out (seq scans) and slows
      // every search until vacuum flushes it; the projection writes in batches and can pay at write time.
      `CREATE INDEX ${t.ident('vector_idx')} ON ${t.sql} USING gin (search_vector) WITH (fastupdate = off)`,
      `CREATE INDEX ${t.ident('title_trgm_idx')} ON ${t.sql} USING gin (title ${trigramSchema}.gin_trgm_ops) WITH (fastupdate = off)`,
      `CREATE INDEX ${t.ident('category_path_idx')} ON ${t.sql} USING gin (category_path_ids) WITH (fastupdate = off)`,
      `CREATE INDEX ${t.ident('category_idx')} ON ${t.sql} (category_id)`,
      `CREATE INDEX ${t.ident('seller_idx')} ON ${t.sql} (seller_id, published_at DESC, id) WHERE status = 'published'`,
      `CREATE INDEX ${t.ident('newest_idx')} ON ${t.sql} (published_at DESC, id) WHERE status = 'published'`,
      `CREATE INDEX ${t.ident('price_idx')} ON ${t.sql} (price_amount, id) WHERE status = 'published'`,
      `CREATE INDEX ${t.ident('rating_idx')} ON ${t.sql} (rating_avg DESC, id) WHERE status = 'published'`,
    ],
  };
}
