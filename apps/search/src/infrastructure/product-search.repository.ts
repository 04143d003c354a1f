import { Inject, Injectable } from '@nestjs/common';
import { KNEX } from '@marketplace/platform';
import type { Knex } from 'knex';
import { PRICE_BANDS } from '../domain/price-bands';
import type { SearchCursor } from '../domain/search-cursor';
import { type SearchQuery, type SearchSort, searchTerms } from '../domain/search-query';
import { CATEGORIES_TABLE, PRODUCTS_TABLE } from './projection/search-tables';
import { joinSql, scoreSql, sortKey, type Sql, sql, tsQuery } from './search-sql';
import { TRIGRAM_SCHEMA } from './trigram-extension';
import { type Neighbour, VECTOR_INDEX, type VectorIndex } from './vectors/vector-index';

export interface ProductHit {
  id: string;
  sellerId: string;
  categoryId: string;
  categoryPath: { id: string; name: string }[];
  title: string;
  description: string;
  attributes: Record<string, string[]>;
  imageUrls: string[];
  price: { amount: number; currency: string };
  available: number;
  inStock: boolean;
  rating: { average: number; count: number };
  publishedAt: string;
}

export interface CategoryFacet {
  id: string;
  name: string;
  slug: string;
  count: number;
}

export interface PriceFacet {
  key: string;
  min: number;
  max: number | null;
  count: number;
}

export interface SearchPage {
  items: { hit: ProductHit; sortKey: string }[];
  hasMore: boolean;
  facets: { categories: CategoryFacet[]; priceBands: PriceFacet[] };
}

/** What semantic and hybrid search rank: the nearest products by meaning, nearest first. */
export interface SemanticMatch {
  mode: 'semantic' | 'hybrid';
  neighbours: Neighbour[];
}

/**
 * Where matching products come from, and their relevance: the products table and its text match, or
 * a ranked set (`r.id`, `r.score`) joined to it.
 */
interface Scope {
  from: Sql;
  match: Sql;
  score: Sql | undefined;
}

/** Neighbours asked of the vector index per query: the semantic part of a result. */
const SEMANTIC_CANDIDATES = 100;
/** Below this cosine similarity a product is not about the query at all (MiniLM: unrelated texts score 0-0.2). */
const MIN_SIMILARITY = 0.2;
/** Reciprocal rank fusion's k: a result's share is 1 / (k + rank) in each list it is in. */
const RRF_K = 60;
/**
 * The semantic list's share against the text list's 1, tuned by `npm run bench:relevance`: at 1 hybrid
 * ranked 2 of 14 exact-title queries below text (others of the named product's type reordered); at 0.3 none,
 * with the same mean nDCG@10 (0.851 against text's 0.532). Where text finds nothing, meaning ranks alone.
 */
const SEMANTIC_WEIGHT = 0.3;

/** With fewer full-text matches than this, titles that nearly contain the words (typos) count as matches. */
const TYPO_FALLBACK_BELOW = 3;
/** How closely (pg_trgm word_similarity) a title must contain the query to match on trigrams alone. */
const TYPO_SIMILARITY = 0.45;

interface ProductRow {
  id: string;
  seller_id: string;
  category_id: string;
  category_path_ids: string[];
  category_path_names: string[];
  title: string;
  description: string;
  attributes: Record<string, string[]>;
  image_urls: string[];
  price_amount: string;
  price_currency: string;
  available: number;
  rating_avg: string;
  rating_count: number;
  published_at: Date;
  sort_key: string;
}

/** Reads the search read model: matching, filters, keyset pages and facets, in one transaction. */
@Injectable()
export class ProductSearchRepository {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(TRIGRAM_SCHEMA) private readonly trigramSchema: string,
    @Inject(VECTOR_INDEX) private readonly vectors: VectorIndex,
  ) {}

  /** The products nearest to a query's vector among those the query's filters keep (its price range aside). */
  nearest(query: SearchQuery, vector: Float32Array): Promise<Neighbour[]> {
    return this.vectors.nearest(this.db, vector, filtersSql(query, false), SEMANTIC_CANDIDATES, MIN_SIMILARITY);
  }

  /**
   * The page and the two facets are three queries run side by side, each in its own read-only
   * transaction (the trigram threshold is a transaction setting): a write landing between them can
   * make a facet count differ by that one product from the page, never more.
   */
  async search(query: SearchQuery, sort: SearchSort, cursor: SearchCursor | undefined, semantic?: SemanticMatch): Promise<SearchPage> {
    const terms = searchTerms(query.q);
    const typos = terms.length > 0 && semantic?.mode !== 'semantic' && (await this.fullTextMatches(query, terms)) < TYPO_FALLBACK_BELOW;
    const scope = this.scope(query, terms, typos, semantic);
    const read = <T>(work: (trx: Knex.Transaction) => Promise<T>) =>
      this.db.transaction(async (trx) => {
        if (typos) await trx.raw(`SELECT set_config('pg_trgm.word_similarity_threshold', ?, true)`, [String(TYPO_SIMILARITY)]);
        return work(trx);
      }, { readOnly: true });
    const [items, categories, priceBands] = await Promise.all([
      read((trx) => this.items(trx, query, sort, cursor, scope)),
      read((trx) => this.categoryFacet(trx, query, scope)),
      read((trx) => this.priceFacet(trx, query, scope)),
    ]);
    return { ...items, facets: { categories, priceBands } };
  }

  private async fullTextMatches(query: SearchQuery, terms: string[]): Promise<number> {
    const where = whereMatching(query, true, sql(`p.search_vector @@ ${tsQuery(terms).text}`, ...tsQuery(terms).bindings));
    const { rows } = await this.db.raw<{ rows: { n: number }[] }>(
      // No LIMIT: with one, the planner prefers a sequential scan hoping to stop early, and rarely can.
      `SELECT count(*)::int AS n FROM ${PRODUCTS_TABLE} p WHERE ${where.text}`,
      where.bindings,
    );
    return rows[0].n;
  }

  /**
   * Text: the products whose words match. Semantic: the nearest by meaning, scored by similarity.
   * Hybrid: both lists fused by reciprocal rank (every text match stays in, so paging reaches all of them).
   */
  private scope(query: SearchQuery, terms: string[], typos: boolean, semantic: SemanticMatch | undefined): Scope {
    const products = sql(`${PRODUCTS_TABLE} p`);
    if (!semantic) return { from: products, match: this.matchSql(terms, typos), score: terms.length > 0 ? scoreSql(terms, this.trigramSchema) : undefined };
    const ids = semantic.neighbours.map((n) => n.id);
    const ranked =
      semantic.mode === 'semantic'
        ? sql(`SELECT * FROM unnest(?::uuid[], ?::float8[]) AS u(id, score)`, ids, semantic.neighbours.map((n) => n.similarity))
        : this.fusedSql(query, terms, typos, ids);
    return { from: sql(`(${ranked.text}) r JOIN ${PRODUCTS_TABLE} p ON p.id = r.id`, ...ranked.bindings), match: sql('true'), score: sql('r.score') };
  }

  private fusedSql(query: SearchQuery, terms: string[], typos: boolean, nearest: string[]): Sql {
    const score = scoreSql(terms, this.trigramSchema);
    const where = whereMatching(query, false, this.matchSql(terms, typos));
    return sql(
      `SELECT coalesce(t.id, s.id) AS id, (coalesce(1.0 / (${RRF_K} + t.rank), 0) + ${SEMANTIC_WEIGHT} * coalesce(1.0 / (${RRF_K} + s.rank), 0))::float8 AS score
         FROM (SELECT p.id, row_number() OVER (ORDER BY ${score.text} DESC, p.id) AS rank FROM ${PRODUCTS_TABLE} p WHERE ${where.text}) t
         FULL JOIN unnest(?::uuid[]) WITH ORDINALITY AS s(id, rank) ON s.id = t.id`,
      ...score.bindings,
      ...where.bindings,
      nearest,
    );
  }

  private matchSql(terms: string[], typos: boolean): Sql {
    if (terms.length === 0) return sql('true');
    const query = tsQuery(terms);
    const fullText = sql(`p.search_vector @@ ${query.text}`, ...query.bindings);
    if (!typos) return fullText;
    return joinSql([fullText, sql(`p.title OPERATOR(${this.trigramSchema}.%>) ?`, terms.join(' '))], ' OR ');
  }

  private async items(trx: Knex.Transaction, query: SearchQuery, sort: SearchSort, cursor: SearchCursor | undefined, scope: Scope) {
    const { key, descending, cast } = sortKey(sort, scope.score);
    const where = whereMatching(query, true, scope.match);
    const after = cursor
      ? sql(`WHERE (s.sort_key ${descending ? '<' : '>'} ?::${cast} OR (s.sort_key = ?::${cast} AND s.id > ?::uuid))`, cursor.key, cursor.key, cursor.id)
      : sql('');
    const { rows } = await trx.raw<{ rows: ProductRow[] }>(
      `SELECT s.*, to_json(s.sort_key) #>> '{}' AS sort_key_text FROM (
         SELECT p.id, p.seller_id, p.category_id, p.category_path_ids, p.category_path_names, p.title, p.description,
                p.attributes, p.image_urls, p.price_amount, p.price_currency, p.available, p.rating_avg, p.rating_count,
                p.published_at, ${key.text} AS sort_key
           FROM ${scope.from.text}
          WHERE ${where.text}
       ) s ${after.text}
       ORDER BY s.sort_key ${descending ? 'DESC' : 'ASC'}, s.id ASC
       LIMIT ?`,
      [...key.bindings, ...scope.from.bindings, ...where.bindings, ...after.bindings, query.limit + 1],
    );
    const page = rows.slice(0, query.limit) as (ProductRow & { sort_key_text: string })[];
    return { items: page.map((row) => ({ hit: toHit(row), sortKey: row.sort_key_text })), hasMore: rows.length > query.limit };
  }

  /** Counts per direct child of the filtered category (per top-level category without one). */
  private async categoryFacet(trx: Knex.Transaction, query: SearchQuery, scope: Scope): Promise<CategoryFacet[]> {
    const where = whereMatching(query, true, scope.match);
    const depth = query.category
      ? sql(`(SELECT coalesce(array_length(path_ids, 1), 0) + 1 FROM ${CATEGORIES_TABLE} WHERE id = ?)`, query.category)
      : sql('1');
    const { rows } = await trx.raw<{ rows: CategoryFacet[] }>(
      `SELECT c.id, c.name, c.slug, f.count FROM (
         SELECT p.category_path_ids[${depth.text}] AS id, count(*)::int AS count
           FROM ${scope.from.text} WHERE ${where.text}
          GROUP BY 1
       ) f JOIN ${CATEGORIES_TABLE} c ON c.id = f.id
       ORDER BY f.count DESC, c.name ASC, c.id ASC`,
      [...depth.bindings, ...scope.from.bindings, ...where.bindings],
    );
    return rows;
  }

  /** Counts per fixed price band over the other filters: the price range itself is ignored here. */
  private async priceFacet(trx: Knex.Transaction, query: SearchQuery, scope: Scope): Promise<PriceFacet[]> {
    const where = whereMatching(query, false, scope.match);
    const counts = PRICE_BANDS.map(
      (band, i) => `count(*) FILTER (WHERE p.price_amount >= ${band.min}${band.max === undefined ? '' : ` AND p.price_amount < ${band.max}`})::int AS b${i}`,
    );
    const { rows } = await trx.raw<{ rows: Record<string, number>[] }>(`SELECT ${counts.join(', ')} FROM ${scope.from.text} WHERE ${where.text}`, [
      ...scope.from.bindings,
      ...where.bindings,
    ]);
    return PRICE_BANDS.map((band, i) => ({ key: band.key, min: band.min, max: band.max ?? null, count: rows[0][`b${i}`] }));
  }
}

/** The query's filters and a match. */
function whereMatching(query: SearchQuery, withPrice: boolean, match: Sql): Sql {
  return joinSql([filtersSql(query, withPrice), sql(`(${match.text})`, ...match.bindings)], ' AND ');
}

/** Published products under the query's filters; the price range only when `withPrice`. */
function filtersSql(query: SearchQuery, withPrice: boolean): Sql {
  const parts: Sql[] = [sql(`p.status = 'published'`)];
  if (query.category) parts.push(sql('p.category_path_ids @> ARRAY[?::uuid]', query.category));
  if (query.sellerId) parts.push(sql('p.seller_id = ?::uuid', query.sellerId));
  if (query.inStock) parts.push(sql('p.available > 0'));
  if (withPrice && query.minPrice !== undefined) parts.push(sql('p.price_amount >= ?', query.minPrice));
  if (withPrice && query.maxPrice !== undefined) parts.push(sql('p.price_amount <= ?', query.maxPrice));
  return joinSql(parts, ' AND ');
}

function toHit(row: ProductRow): ProductHit {
  return {
    id: row.id,
    sellerId: row.seller_id,
    categoryId: row.category_id,
    categoryPath: row.category_path_ids.map((id, i) => ({ id, name: row.category_path_names[i] ?? '' })),
    title: row.title,
    description: row.description,
    attributes: row.attributes,
    imageUrls: row.image_urls,
    price: { amount: Number(row.price_amount), currency: row.price_currency },
    available: row.available,
    inStock: row.available > 0,
    rating: { average: Number(row.rating_avg), count: row.rating_count },
    publishedAt: row.published_at.toISOString(),
  };
}
