import { Controller, Get } from '@nestjs/common';
import type { OpenApiDocument } from './merge-openapi';
import { OpenApiAggregator } from './openapi-aggregator';

@Controller()
export class OpenApiController {
  constructor(private readonly aggregator: OpenApiAggregator) {}

  /** Every service's API under `/api/v1`, in one document. */
  @Get('openapi.json')
  openApi(): Promise<OpenApiDocument> {
    return this.aggregator.document();
  }
}
