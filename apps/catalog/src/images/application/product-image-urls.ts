import type { Knex } from 'knex';
import { Inject, Injectable } from '@nestjs/common';
import { ProductsService } from '../../application/products.service';
import { productImageUrls } from '../domain/product-image';
import { ProductImagesRepository } from '../infrastructure/product-images-repository';
import { IMAGE_SETTINGS, type ImageSettings } from './image-settings';

/** The most imageUrls a product event may carry (catalog.product.v1's limit). */
const MAX_IMAGE_URLS = 20;

/** Brings the product's imageUrls in line with its images, through products' own update path (ProductUpdated). */
@Injectable()
export class ProductImageUrls {
  constructor(
    private readonly products: ProductsService,
    private readonly images: ProductImagesRepository,
    @Inject(IMAGE_SETTINGS) private readonly settings: ImageSettings,
  ) {}

  async sync(trx: Knex.Transaction, productId: string): Promise<void> {
    const images = await this.images.ofProduct(trx, productId);
    await this.products.replaceImageUrls(trx, productId, (current) => productImageUrls(images, current, (key) => this.settings.publicUrl(key), MAX_IMAGE_URLS));
  }
}
