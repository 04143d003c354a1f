import type { ProductImage } from '../domain/product-image';
import { THUMBNAIL_WIDTHS, thumbnailKey } from '../domain/product-image';

export function imageView(image: ProductImage, publicUrl: (key: string) => string) {
  return {
    id: image.id,
    productId: image.productId,
    status: image.status,
    position: image.position,
    rejection: image.rejection,
    thumbnails: image.status === 'ready' ? THUMBNAIL_WIDTHS.map((width) => ({ width, url: publicUrl(thumbnailKey(image, width)) })) : [],
    createdAt: image.createdAt.toISOString(),
    updatedAt: image.updatedAt.toISOString(),
  };
}
