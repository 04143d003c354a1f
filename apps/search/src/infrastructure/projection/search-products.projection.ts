import type { RecordedEvent } from '@marketplace/event-store';
import type { ProjectionDefinition, TableResolver } from '@marketplace/projections';
import type { Knex } from 'knex';
import { categoryPath, type CategoryNode, type CategoryPath } from '../../domain/category-paths';
import { evolveProduct, withCategoryPath } from '../../domain/evolve-product';
import { PRODUCT_COLUMNS, type ProductDocument } from '../../domain/product-document';
import { PRODUCT_VECTORS_TABLE } from '../vectors/vector-index';
import { refreshProductVectors, type VectorParts } from './product-vectors';
import { type CategoryFact, SEARCH_EVENT_TYPES, searchFacts } from './search-facts';
import { CATEGORIES_TABLE, categoriesTable, PRODUCTS_TABLE, productsTable } from './search-tables';

export const SEARCH_PROJECTION = 'search-products';

interface CategoryRow extends CategoryNode {
  pathIds: string[];
  pathNames: string[];
}

/**
 * The search read model folded from search's own event log. Each batch loads every category (a
 * catalog has far fewer categories than products) and the products it touches, folds in memory, then
 * writes with a few multi-row statements; when a category's path changed (created, renamed, moved,
 * or its parent arrived late), the products under it take the new path in one UPDATE. Last, the
 * products whose text changed are embedded, in the same transaction: a product is never searchable by
 * its words without its vector, and a rebuild rebuilds the vectors too.
 */
export function searchProductsProjection(options: { trigramSchema: string; vectors: VectorParts }): ProjectionDefinition {
  const applyBatch = async (trx: Knex.Transaction, events: readonly RecordedEvent[], tables: TableResolver) => {
    const touched = await applySearchBatch(trx, events, tables(CATEGORIES_TABLE), tables(PRODUCTS_TABLE));
    await refreshProductVectors(trx, { products: tables(PRODUCTS_TABLE), vectors: tables(PRODUCT_VECTORS_TABLE) }, options.vectors, touched);
  };
  return {
    name: SEARCH_PROJECTION,
    version: 4,
    tables: [categoriesTable, productsTable(options.trigramSchema), options.vectors.index.table],
    handles: SEARCH_EVENT_TYPES,
    apply: (trx, event, tables) => applyBatch(trx, [event], tables),
    applyBatch,
  };
}

/** Folds a batch into the categories and products; returns the products and categories it changed. */
async function applySearchBatch(
  trx: Knex.Transaction,
  events: readonly RecordedEvent[],
  categoriesSql: string,
  productsSql: string,
): Promise<{ productIds: string[]; categoryIds: string[] }> {
  const facts = events.flatMap(searchFacts);
  if (facts.length === 0) return { productIds: [], categoryIds: [] };
  const categories = await loadCategories(trx, categoriesSql);
  const productIds = [...new Set(facts.flatMap((f) => (f.kind === 'product' ? [f.fact.data.productId] : [])))];
  const products = await loadProducts(trx, productsSql, productIds);

  const nodes = new Map<string, CategoryNode>(categories);
  const pathOf = (id: string) => categoryPath(nodes, id);
  for (const fact of facts) {
    if (fact.kind === 'category') applyCategory(nodes, fact.fact);
    else products.set(fact.fact.data.productId, evolveProduct(products.get(fact.fact.data.productId), fact.fact, pathOf));
  }

  const changed = await writeCategories(trx, categoriesSql, categories, nodes);
  await writeProducts(
    trx,
    productsSql,
    [...products.values()].map((product) => (product.category_id ? withCategoryPath(product, pathOf(product.category_id)) : product)),
  );
  if (changed.length > 0) {
    await trx.raw(
      `UPDATE ${productsSql} p
          SET category_path_ids = c.path_ids, category_path_names = c.path_names, category_names = array_to_string(c.path_names, ' ')
         FROM ${categoriesSql} c
        WHERE c.id = p.category_id AND c.id = ANY(?::uuid[])`,
      [changed],
    );
  }
  return { productIds, categoryIds: changed };
}

function applyCategory(nodes: Map<string, CategoryNode>, fact: CategoryFact): void {
  const { data } = fact;
  const current = nodes.get(data.categoryId);
  switch (fact.type) {
    case 'marketplace.catalog.CategoryCreated.v1':
      nodes.set(data.categoryId, { id: data.categoryId, parentId: fact.data.parentId, name: fact.data.name, slug: fact.data.slug });
      return;
    case 'marketplace.catalog.CategoryRenamed.v1':
      if (current) nodes.set(data.categoryId, { ...current, name: fact.data.name, slug: fact.data.slug });
      return;
    case 'marketplace.catalog.CategoryMoved.v1':
      if (current) nodes.set(data.categoryId, { ...current, parentId: fact.data.toParentId });
      return;
  }
}

/** Writes the categories whose node or path changed; returns their ids. */
async function writeCategories(trx: Knex.Transaction, table: string, before: Map<string, CategoryRow>, nodes: Map<string, CategoryNode>): Promise<string[]> {
  const changed: CategoryRow[] = [];
  for (const node of nodes.values()) {
    const path: CategoryPath = categoryPath(nodes, node.id);
    const row = { ...node, pathIds: path.ids, pathNames: path.names };
    if (!sameCategory(before.get(node.id), row)) changed.push(row);
  }
  if (changed.length === 0) return [];
  await trx.raw(
    `INSERT INTO ${table} (id, parent_id, name, slug, path_ids, path_names)
     SELECT id, "parentId", name, slug, "pathIds", "pathNames"
       FROM jsonb_to_recordset(?::jsonb) AS r(id uuid, "parentId" uuid, name text, slug text, "pathIds" uuid[], "pathNames" text[])
     ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, name = EXCLUDED.name, slug = EXCLUDED.slug,
       path_ids = EXCLUDED.path_ids, path_names = EXCLUDED.path_names`,
    [JSON.stringify(changed.map((row) => ({ ...row, pathIds: pgArray(row.pathIds), pathNames: pgArray(row.pathNames) })))],
  );
  return changed.map((row) => row.id);
}

function sameCategory(a: CategoryRow | undefined, b: CategoryRow): boolean {
  return (
    a !== undefined &&
    a.parentId === b.parentId &&
    a.name === b.name &&
    a.slug === b.slug &&
    a.pathIds.join('/') === b.pathIds.join('/') &&
    a.pathNames.join('\u0000') === b.pathNames.join('\u0000')
  );
}

async function loadCategories(trx: Knex.Transaction, table: string): Promise<Map<string, CategoryRow>> {
  const { rows } = await trx.raw<{ rows: { id: string; parent_id: string | null; name: string; slug: string; path_ids: string[]; path_names: string[] }[] }>(
    `SELECT id, parent_id, name, slug, path_ids, path_names FROM ${table}`,
  );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, parentId: r.parent_id, name: r.name, slug: r.slug, pathIds: r.path_ids, pathNames: r.path_names }]),
  );
}

async function loadProducts(trx: Knex.Transaction, table: string, ids: string[]): Promise<Map<string, ProductDocument>> {
  if (ids.length === 0) return new Map();
  const { rows } = await trx.raw<{ rows: { row: ProductDocument }[] }>(
    `SELECT jsonb_build_object(${PRODUCT_COLUMNS.map((c) => `'${c}', r.${c}`).join(', ')}) AS row FROM ${table} r WHERE r.id = ANY(?::uuid[])`,
    [ids],
  );
  return new Map(rows.map(({ row }) => [row.id, row]));
}

async function writeProducts(trx: Knex.Transaction, table: string, rows: ProductDocument[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = PRODUCT_COLUMNS.join(', ');
  const updates = PRODUCT_COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  await trx.raw(
    `INSERT INTO ${table} (${columns})
     SELECT ${columns} FROM jsonb_populate_recordset(NULL::${table}, ?::jsonb)
     ON CONFLICT (id) DO UPDATE SET ${updates}`,
    [JSON.stringify(rows.map((row) => ({ ...row, category_path_ids: pgArray(row.category_path_ids), category_path_names: pgArray(row.category_path_names) })))],
  );
}

/** jsonb_populate_recordset reads a SQL array column from the array's text form. */
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
