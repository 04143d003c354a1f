import { type AuthenticatedUser, CurrentUser, Public } from '@marketplace/auth';
import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ReviewsService } from '../application/reviews.service';
import { IdParamDto, ListReviewsQueryDto, PostReviewDto } from './dto';
import { OptionalCaller } from './optional-caller';
import { reviewView } from './views';

/** Buyers who received a product review it; anyone reads the reviews. */
@Controller('products/:id/reviews')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly callers: OptionalCaller,
  ) {}

  @Public()
  @Get()
  async list(@Headers('authorization') authorization: string | undefined, @Param() params: IdParamDto, @Query() query: ListReviewsQueryDto) {
    const page = await this.reviews.list(await this.callers.of(authorization), params.id, query);
    return { items: page.items.map(reviewView), nextCursor: page.nextCursor };
  }

  @Post()
  async post(@CurrentUser() buyer: AuthenticatedUser, @Param() params: IdParamDto, @Body() body: PostReviewDto) {
    return reviewView(await this.reviews.post(buyer, params.id, body));
  }
}
