import { type AuthenticatedUser, CurrentUser, Public } from '@marketplace/auth';
import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { IdParamDto } from '../../api/dto';
import { OptionalCaller } from '../../api/optional-caller';
import { IMAGE_SETTINGS, type ImageSettings } from '../application/image-settings';
import { ProductImagesService } from '../application/product-images.service';
import type { ProductImage } from '../domain/product-image';
import { ProductImageParamsDto, ReorderImagesDto, RequestUploadDto } from './images.dto';
import { imageView } from './image-views';

/** A product's images: its owner (or an admin) uploads, removes and orders them; anyone who sees the product sees them. */
@Controller('products/:id/images')
export class ProductImagesController {
  constructor(
    private readonly images: ProductImagesService,
    private readonly callers: OptionalCaller,
    @Inject(IMAGE_SETTINGS) private readonly settings: ImageSettings,
  ) {}

  @Public()
  @Get()
  async list(@Headers('authorization') authorization: string | undefined, @Param() params: IdParamDto) {
    return this.items(await this.images.list(await this.callers.of(authorization), params.id));
  }

  @Post()
  async request(@CurrentUser() caller: AuthenticatedUser, @Param() params: IdParamDto, @Body() body: RequestUploadDto) {
    const upload = await this.images.request(caller, params.id, body.contentLength);
    return { imageId: upload.image.id, uploadUrl: upload.uploadUrl, expiresAt: upload.expiresAt.toISOString(), image: this.view(upload.image) };
  }

  /** 202: the image is checked and resized in the background; its status says when it is ready. */
  @Post(':imageId/confirm')
  @HttpCode(202)
  async confirm(@CurrentUser() caller: AuthenticatedUser, @Param() params: ProductImageParamsDto) {
    return this.view(await this.images.confirm(caller, params.id, params.imageId));
  }

  @Delete(':imageId')
  @HttpCode(204)
  async remove(@CurrentUser() caller: AuthenticatedUser, @Param() params: ProductImageParamsDto): Promise<void> {
    await this.images.remove(caller, params.id, params.imageId);
  }

  @Put('order')
  async reorder(@CurrentUser() caller: AuthenticatedUser, @Param() params: IdParamDto, @Body() body: ReorderImagesDto) {
    return this.items(await this.images.reorder(caller, params.id, body.imageIds));
  }

  private view(image: ProductImage) {
    return imageView(image, (key) => this.settings.publicUrl(key));
  }

  private items(images: ProductImage[]) {
    return { items: images.map((image) => this.view(image)) };
  }
}
