import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX, LOGGER, PeriodicTask } from '@marketplace/platform';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { checkDimensions, checkUpload, type RejectionReason } from '../domain/image-checks';
import { IMAGE_CODEC, IMAGE_STORAGE, type ImageCodec, type ImageStorage } from '../domain/image-storage';
import { allKeys, finishImage, originalKey, type ProductImage, THUMBNAIL_WIDTHS, thumbnailKey } from '../domain/product-image';
import { ProductImagesRepository } from '../infrastructure/product-images-repository';
import { IMAGE_SETTINGS, type ImageSettings } from './image-settings';
import { ProductImageUrls } from './product-image-urls';

/**
 * Turns confirmed uploads into thumbnails, off the request path. The confirmed rows are the queue: each
 * is claimed with a row lock (skipped by other instances) and finished in the same transaction, so a
 * crash mid-way leaves it confirmed and the next pass, here or elsewhere, does it again.
 */
@Injectable()
export class ImageProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IMAGE_STORAGE) private readonly storage: ImageStorage,
    @Inject(IMAGE_CODEC) private readonly codec: ImageCodec,
    @Inject(IMAGE_SETTINGS) private readonly settings: ImageSettings,
    private readonly images: ProductImagesRepository,
    private readonly urls: ProductImageUrls,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.task = new PeriodicTask({ name: 'image processing', intervalMs: settings.processIntervalMs, logger: logger.child({ component: 'image-processor' }), pass: () => this.drain() });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  /** Processes confirmed images until none is left, and forgets abandoned uploads; returns how many were processed. */
  async drain(): Promise<number> {
    await this.forgetAbandoned();
    let count = 0;
    while (await this.processOne()) count += 1;
    return count;
  }

  /**
   * Slots never confirmed would count towards the product's image limit for ever. After twice the upload
   * URL's lifetime nobody can confirm them any more: their rows and any bytes uploaded go.
   */
  private async forgetAbandoned(): Promise<void> {
    const before = new Date(this.clock.now().getTime() - 2 * this.settings.uploadTtlSeconds * 1000);
    const abandoned = await this.images.removeAbandoned(this.db, before);
    if (abandoned.length) await this.storage.delete(abandoned.flatMap(allKeys));
  }

  private async processOne(): Promise<boolean> {
    const finished = await this.db.transaction(async (trx) => {
      const image = await this.images.claimPending(trx);
      if (!image) return undefined;
      const outcome = finishImage(image, await this.thumbnails(image), this.clock.now());
      await this.images.save(trx, [outcome]);
      if (outcome.status === 'ready') await this.urls.sync(trx, image.productId);
      return outcome;
    });
    // A refused upload is not kept: its object (and any thumbnail written before the refusal) goes.
    if (finished?.status === 'rejected') await this.storage.delete(allKeys(finished));
    return finished !== undefined;
  }

  /** Checks the upload by its bytes and writes its thumbnails; the reason when it is refused. */
  private async thumbnails(image: ProductImage): Promise<RejectionReason | undefined> {
    const key = originalKey(image);
    const size = (await this.storage.size(key)) ?? 0;
    const upload = checkUpload({ size }, this.settings.limits);
    if (!upload.ok && upload.reason === 'too_large') return upload.reason;
    const bytes = await this.storage.read(key);
    const check = checkUpload({ size: bytes.length, head: bytes.subarray(0, 16) }, this.settings.limits);
    if (!check.ok) return check.reason;
    const dimensions = await this.codec.dimensions(bytes);
    if (!dimensions) return 'not_an_image';
    const tooBig = checkDimensions(dimensions, this.settings.limits);
    if (tooBig) return tooBig;
    for (const width of THUMBNAIL_WIDTHS) {
      const thumbnail = await this.codec.thumbnail(bytes, width).catch(() => undefined);
      if (!thumbnail) return 'not_an_image';
      await this.storage.write(thumbnailKey(image, width), thumbnail, 'image/webp');
    }
    return undefined;
  }
}
