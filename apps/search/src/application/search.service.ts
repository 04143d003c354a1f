import { Injectable } from '@nestjs/common';
import { ValidationError } from '@marketplace/platform';
import { decodeCursor, encodeCursor, InvalidCursorError, type SearchCursor } from '../domain/search-cursor';
import { effectiveSort, type SearchQuery } from '../domain/search-query';
import { type CategoryFacet, type PriceFacet, type ProductHit, ProductSearchRepository } from '../infrastructure/product-search.repository';

export interface SearchResult {
  items: ProductHit[];
  facets: { categories: CategoryFacet[]; priceBands: PriceFacet[] };
  nextCursor: string | null;
}

@Injectable()
export class SearchService {
  constructor(private readonly repository: ProductSearchRepository) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    const sort = effectiveSort(query);
    const cursor = query.cursor === undefined ? undefined : this.cursor(query.cursor, sort);
    const page = await this.repository.search(query, sort, cursor);
    const last = page.items.at(-1);
    return {
      items: page.items.map((item) => item.hit),
      facets: page.facets,
      nextCursor: page.hasMore && last ? encodeCursor({ sort, key: last.sortKey, id: last.hit.id }) : null,
    };
  }

  private cursor(text: string, sort: ReturnType<typeof effectiveSort>): SearchCursor {
    try {
      return decodeCursor(text, sort);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new ValidationError('Invalid cursor', { code: 'invalid_cursor', details: [{ field: 'cursor', message: error.message }], cause: error });
      throw error;
    }
  }
}
