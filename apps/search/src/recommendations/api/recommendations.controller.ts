import { Controller, Get, Param, Query } from '@nestjs/common';
import { Public } from '@marketplace/auth';
import { type Recommendations, RecommendationsService } from '../application/recommendations.service';
import { ProductIdParamsDto, RecommendationQueryDto } from './recommendation.dto';

@Controller('products')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  /** Products bought with this one, popular in its category, or similar to it; only published products in stock. */
  @Public()
  @Get(':id/recommendations')
  find(@Param() params: ProductIdParamsDto, @Query() query: RecommendationQueryDto): Promise<Recommendations> {
    return this.recommendations.recommend(params.id, query);
  }
}
