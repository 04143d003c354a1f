import { Controller, Get, Query } from '@nestjs/common';
import { Public } from '@marketplace/auth';
import { SearchService, type SearchResult } from '../application/search.service';
import { SearchQueryDto } from './search-query.dto';

@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Published products matching the words and filters, one page at a time, with facet counts. */
  @Public()
  @Get()
  find(@Query() query: SearchQueryDto): Promise<SearchResult> {
    return this.search.search(query);
  }
}
