import type { Knex } from 'knex';
import type { SearchSort } from '../domain/search-query';
import { TEXT_CONFIG } from './projection/search-tables';

/** A piece of SQL and its `?` bindings, in order. */
export interface Sql {
  text: string;
  bindings: Knex.RawBinding[];
}

export const sql = (text: string, ...bindings: Knex.RawBinding[]): Sql => ({ text, bindings });

export function joinSql(parts: Sql[], separator: string): Sql {
  return { text: parts.map((p) => p.text).join(separator), bindings: parts.flatMap((p) => p.bindings) };
}

/** `'word':*` for every term, all required: prefixes match plurals and words being typed. */
export function tsQuery(terms: string[]): Sql {
  return sql(`to_tsquery('${TEXT_CONFIG}', ?)`, terms.map((term) => `'${term}':*`).join(' & '));
}

/** Rank weights for D, C, B, A (description, attribute names, categories and attribute values, title). */
const RANK_WEIGHTS = `'{0.1, 0.2, 0.4, 1.0}'`;

/**
 * Relevance: a full-text match outranks any trigram-only match (the 1), then ts_rank_cd with the
 * field weights, then how closely the title contains the words (which also ranks typo matches).
 */
export function scoreSql(terms: string[], trigramSchema: string): Sql {
  const query = tsQuery(terms);
  return sql(
    `((CASE WHEN p.search_vector @@ ${query.text} THEN 1 ELSE 0 END)
       + ts_rank_cd(${RANK_WEIGHTS}, p.search_vector, ${query.text}, 1)
       + 0.5 * ${trigramSchema}.word_similarity(?, coalesce(p.title, '')))::float8`,
    ...query.bindings,
    ...query.bindings,
    terms.join(' '),
  );
}

/** What the results are ordered by (then by id ascending), and whether larger comes first. */
export function sortKey(sort: SearchSort, score: Sql | undefined): { key: Sql; descending: boolean; cast: string } {
  switch (sort) {
    case 'relevance':
      if (!score) throw new TypeError('relevance needs search terms');
      return { key: score, descending: true, cast: 'float8' };
    case 'price_asc':
      return { key: sql('coalesce(p.price_amount, 0)'), descending: false, cast: 'bigint' };
    case 'price_desc':
      return { key: sql('coalesce(p.price_amount, 0)'), descending: true, cast: 'bigint' };
    case 'newest':
      return { key: sql('p.published_at'), descending: true, cast: 'timestamptz' };
    case 'rating':
      return { key: sql('p.rating_avg'), descending: true, cast: 'numeric' };
  }
}
