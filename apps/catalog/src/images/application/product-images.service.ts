import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { KNEX, LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { ProductsService } from '../../application/products.service';
import type { Actor } from '../../domain/actor';
import { IllegalProductTransitionError } from '../../domain/errors';
import { ImageNotFoundError, ImageNotUploadedError, ImageTooLargeError } from '../domain/image-errors';
import { IMAGE_STORAGE, type ImageStorage } from '../domain/image-storage';
import { allKeys, confirmImage, originalKey, type ProductImage, reorderImages, requestImage } from '../domain/product-image';
import { ProductImagesRepository } from '../infrastructure/product-images-repository';
import { IMAGE_SETTINGS, type ImageSettings } from './image-settings';
import { ProductImageUrls } from './product-image-urls';

export interface ImageUpload {
  image: ProductImage;
  uploadUrl: string;
  expiresAt: Date;
}

/** A product's images, changed by its seller or an admin; the bytes go straight to storage, never through here. */
@Injectable()
export class ProductImagesService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(IMAGE_STORAGE) private readonly storage: ImageStorage,
    @Inject(IMAGE_SETTINGS) private readonly settings: ImageSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly products: ProductsService,
    private readonly images: ProductImagesRepository,
    private readonly urls: ProductImageUrls,
  ) {}

  async list(actor: Actor | undefined, productId: string): Promise<ProductImage[]> {
    await this.products.loadVisible(this.db, actor, productId);
    return this.images.ofProduct(this.db, productId);
  }

  /** A new image slot and a short-lived URL to PUT its `contentLength` bytes to; a file over the limit is refused here. */
  async request(actor: Actor, productId: string, contentLength: number): Promise<ImageUpload> {
    const image = await this.change(actor, productId, async (trx, existing) => {
      if (contentLength > this.settings.limits.maxBytes) throw new ImageTooLargeError(this.settings.limits.maxBytes);
      const requested = requestImage({ id: this.ids.next(), productId, existing, now: this.clock.now() });
      await this.images.save(trx, [requested]);
      return requested;
    });
    const expiresAt = new Date(this.clock.now().getTime() + this.settings.uploadTtlSeconds * 1000);
    return { image, uploadUrl: await this.storage.uploadUrl(originalKey(image), this.settings.uploadTtlSeconds, contentLength), expiresAt };
  }

  /** The bytes are uploaded: the processor checks and resizes them off the request path. */
  async confirm(actor: Actor, productId: string, imageId: string): Promise<ProductImage> {
    return this.change(actor, productId, async (trx, existing) => {
      const image = confirmImage(find(existing, imageId), this.clock.now());
      if ((await this.storage.size(originalKey(image))) === undefined) throw new ImageNotUploadedError();
      await this.images.save(trx, [image]);
      return image;
    });
  }

  async remove(actor: Actor, productId: string, imageId: string): Promise<void> {
    const image = await this.change(actor, productId, async (trx, existing) => {
      const removed = find(existing, imageId);
      await this.images.remove(trx, removed.id);
      await this.urls.sync(trx, productId);
      return removed;
    });
    // After the commit: a failure leaves unreachable files behind, never a product pointing at missing ones.
    await this.storage.delete(allKeys(image)).catch((error: unknown) => this.logger.warn({ err: error, imageId }, 'removed image files could not be deleted'));
  }

  async reorder(actor: Actor, productId: string, imageIds: string[]): Promise<ProductImage[]> {
    return this.change(actor, productId, async (trx, existing) => {
      const reordered = reorderImages(existing, imageIds, this.clock.now());
      await this.images.save(trx, reordered);
      await this.urls.sync(trx, productId);
      return reordered.sort((a, b) => a.position - b.position);
    });
  }

  /** A change by the product's owner or an admin, with the product row locked; an archived product is final. */
  private change<T>(actor: Actor, productId: string, work: (trx: Knex.Transaction, images: ProductImage[]) => Promise<T>): Promise<T> {
    return this.db.transaction(async (trx) => {
      const product = await this.products.loadForChange(trx, actor, productId);
      if (product.status === 'archived') throw new IllegalProductTransitionError('given new images', product.status);
      return work(trx, await this.images.ofProduct(trx, productId));
    });
  }
}

function find(images: ProductImage[], imageId: string): ProductImage {
  const image = images.find((candidate) => candidate.id === imageId);
  if (!image) throw new ImageNotFoundError();
  return image;
}
