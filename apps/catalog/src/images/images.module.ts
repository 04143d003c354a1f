import { CLOCK, type Clock } from '@marketplace/kernel';
import { PLATFORM_CONFIG } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { OptionalCaller } from '../api/optional-caller';
import { ProductsService } from '../application/products.service';
import type { CatalogConfig } from '../catalog-config';
import { catalogProviders } from '../infrastructure/catalog.providers';
import { ImageBodyParser } from './api/image-body-parser';
import { LocalImagesController } from './api/local-images.controller';
import { ProductImagesController } from './api/product-images.controller';
import { ImageProcessor } from './application/image-processor';
import { IMAGE_SETTINGS, type ImageSettings } from './application/image-settings';
import { ProductImageUrls } from './application/product-image-urls';
import { ProductImagesService } from './application/product-images.service';
import { IMAGE_CODEC, IMAGE_STORAGE, type ImageStorage } from './domain/image-storage';
import { imagePublicBaseUrl } from './images-config';
import { LocalImageStorage } from './infrastructure/local-image-storage';
import { ProductImagesRepository } from './infrastructure/product-images-repository';
import { S3ImageStorage } from './infrastructure/s3-image-storage';
import { SharpImageCodec } from './infrastructure/sharp-image-codec';

function settingsOf(config: CatalogConfig): ImageSettings {
  const base = imagePublicBaseUrl(config);
  return {
    limits: { maxBytes: config.IMAGE_MAX_BYTES, maxPixels: config.IMAGE_MAX_PIXELS },
    uploadTtlSeconds: config.IMAGE_UPLOAD_TTL_SECONDS,
    processIntervalMs: config.IMAGE_PROCESS_INTERVAL_MS,
    publicUrl: (key) => `${base}/${key}`,
  };
}

/** S3-compatible storage when a bucket is configured, else files under IMAGE_LOCAL_DIR (embedded mode). */
function storageOf(config: CatalogConfig, clock: Clock): ImageStorage {
  if (config.S3_BUCKET !== undefined) {
    const credentials = config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined;
    return new S3ImageStorage({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      publicEndpoint: config.S3_PUBLIC_ENDPOINT,
      region: config.S3_REGION,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials,
    });
  }
  const secret = config.IMAGE_UPLOAD_SECRET ?? randomBytes(32).toString('hex');
  return new LocalImageStorage(config.IMAGE_LOCAL_DIR, imagePublicBaseUrl(config), secret, clock);
}

/**
 * Product images: upload URLs, confirmation, removal and order, and the processor that checks and
 * resizes confirmed uploads. Product changes go through products' own service (ProductUpdated).
 */
@Module({
  controllers: [ProductImagesController, LocalImagesController],
  providers: [
    ...catalogProviders,
    ProductsService,
    OptionalCaller,
    { provide: IMAGE_SETTINGS, inject: [PLATFORM_CONFIG], useFactory: settingsOf },
    { provide: IMAGE_STORAGE, inject: [PLATFORM_CONFIG, CLOCK], useFactory: storageOf },
    { provide: IMAGE_CODEC, useValue: new SharpImageCodec() },
    ProductImagesRepository,
    ProductImageUrls,
    ProductImagesService,
    ImageProcessor,
    ImageBodyParser,
  ],
})
export class ImagesModule {}
