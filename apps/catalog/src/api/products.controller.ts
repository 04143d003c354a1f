import { type AuthenticatedUser, CurrentUser, Public, Roles } from '@marketplace/auth';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ProductsService } from '../application/products.service';
import { CreateProductDto, IdParamDto, ListProductsQueryDto, UpdateProductDto } from './dto';
import { OptionalCaller } from './optional-caller';
import { productView } from './views';

/** Approved sellers list products; their owner (or an admin) changes them; published ones are public. */
@Controller('products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly callers: OptionalCaller,
  ) {}

  @Public()
  @Get()
  async list(@Headers('authorization') authorization: string | undefined, @Query() query: ListProductsQueryDto) {
    const page = await this.products.list(await this.callers.of(authorization), query);
    return { items: page.items.map(productView), nextCursor: page.nextCursor };
  }

  @Public()
  @Get(':id')
  async get(@Headers('authorization') authorization: string | undefined, @Param() params: IdParamDto) {
    return productView(await this.products.get(await this.callers.of(authorization), params.id));
  }

  @Roles('seller')
  @Post()
  async create(@CurrentUser() seller: AuthenticatedUser, @Body() body: CreateProductDto) {
    return productView(await this.products.create(seller, body));
  }

  @Patch(':id')
  async edit(@CurrentUser() caller: AuthenticatedUser, @Param() params: IdParamDto, @Body() body: UpdateProductDto) {
    return productView(await this.products.edit(caller, params.id, body));
  }

  @Post(':id/publish')
  @HttpCode(200)
  async publish(@CurrentUser() caller: AuthenticatedUser, @Param() params: IdParamDto) {
    return productView(await this.products.publish(caller, params.id));
  }

  @Post(':id/archive')
  @HttpCode(200)
  async archive(@CurrentUser() caller: AuthenticatedUser, @Param() params: IdParamDto) {
    return productView(await this.products.archive(caller, params.id));
  }
}
