import { Inject, Injectable } from '@nestjs/common';
import { ValidationError } from '@marketplace/platform';
import { EMBEDDER, type Embedder } from '../domain/embedder';
import { decodeCursor, encodeCursor, InvalidCursorError, type SearchCursor } from '../domain/search-cursor';
import { effectiveSort, type SearchMode, type SearchQuery, searchTerms } from '../domain/search-query';
import { type CategoryFacet, type PriceFacet, type ProductHit, ProductSearchRepository, type SemanticMatch } from '../infrastructure/product-search.repository';

export interface SearchResult {
  items: ProductHit[];
  facets: { categories: CategoryFacet[]; priceBands: PriceFacet[] };
  nextCursor: string | null;
}

@Injectable()
export class SearchService {
  constructor(
    private readonly repository: ProductSearchRepository,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
  ) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    const sort = effectiveSort(query);
    const mode = this.mode(query);
    const cursor = query.cursor === undefined ? undefined : this.cursor(query.cursor, sort, mode);
    const page = await this.repository.search(query, sort, cursor, await this.semantic(query, mode));
    const last = page.items.at(-1);
    return {
      items: page.items.map((item) => item.hit),
      facets: page.facets,
      nextCursor: page.hasMore && last ? encodeCursor({ sort, mode, key: last.sortKey, id: last.hit.id }) : null,
    };
  }

  /** Hybrid unless asked otherwise when there is a model; without one, only text can be had. */
  private mode(query: SearchQuery): SearchMode {
    const hasModel = this.embedder.dimensions > 0;
    if (query.mode === undefined) return hasModel ? 'hybrid' : 'text';
    if (query.mode !== 'text' && !hasModel) {
      throw new ValidationError(`mode=${query.mode} needs an embedding model, and this search runs without one: use mode=text`, {
        code: 'mode_unavailable',
        details: [{ field: 'mode', message: 'search runs without an embedding model (SEARCH_EMBEDDER=none)' }],
      });
    }
    return query.mode;
  }

  /** Without words there is nothing to mean: every mode lists the filtered products alike. */
  private async semantic(query: SearchQuery, mode: SearchMode): Promise<SemanticMatch | undefined> {
    if (mode === 'text' || searchTerms(query.q).length === 0 || query.q === undefined) return undefined;
    const vector = await this.embedder.embedQuery(query.q);
    if (!vector) return undefined;
    return { mode, neighbours: await this.repository.nearest(query, vector) };
  }

  private cursor(text: string, sort: ReturnType<typeof effectiveSort>, mode: SearchMode): SearchCursor {
    try {
      return decodeCursor(text, sort, mode);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new ValidationError('Invalid cursor', { code: 'invalid_cursor', details: [{ field: 'cursor', message: error.message }], cause: error });
      throw error;
    }
  }
}
