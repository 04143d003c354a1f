import { Public, Roles } from '@marketplace/auth';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CategoriesService } from '../application/categories.service';
import { CreateCategoryDto, IdParamDto, MoveCategoryDto, RenameCategoryDto } from './dto';
import { categoryTreeView, categoryView } from './views';

/** Anyone reads the tree; admins shape it. */
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Public()
  @Get()
  async tree() {
    return { items: (await this.categories.tree()).map(categoryTreeView) };
  }

  @Public()
  @Get(':id')
  async get(@Param() params: IdParamDto) {
    return categoryView(await this.categories.get(params.id));
  }

  /** From the root down to the category's parent. */
  @Public()
  @Get(':id/ancestors')
  async ancestors(@Param() params: IdParamDto) {
    return { items: (await this.categories.ancestors(params.id)).map(categoryView) };
  }

  @Roles('admin')
  @Post()
  async create(@Body() body: CreateCategoryDto) {
    return categoryView(await this.categories.create(body));
  }

  @Roles('admin')
  @Patch(':id')
  async rename(@Param() params: IdParamDto, @Body() body: RenameCategoryDto) {
    return categoryView(await this.categories.rename(params.id, body));
  }

  @Roles('admin')
  @Post(':id/move')
  @HttpCode(200)
  async move(@Param() params: IdParamDto, @Body() body: MoveCategoryDto) {
    return categoryView(await this.categories.move(params.id, body.parentId));
  }
}
