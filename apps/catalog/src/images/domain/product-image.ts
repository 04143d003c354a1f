import type { RejectionReason } from './image-checks';
import { ImageNotAwaitingUploadError, InvalidImageOrderError, TooManyImagesError } from './image-errors';

/** awaiting_upload -> processing (confirmed) -> ready | rejected. */
export type ImageStatus = 'awaiting_upload' | 'processing' | 'ready' | 'rejected';

export interface ProductImage {
  id: string;
  productId: string;
  status: ImageStatus;
  /** Place in the product's gallery, from 0. */
  position: number;
  rejection: RejectionReason | null;
  createdAt: Date;
  updatedAt: Date;
}

export const MAX_IMAGES_PER_PRODUCT = 10;
export const THUMBNAIL_WIDTHS = [200, 800] as const;
/** The thumbnail whose URL goes into the product's imageUrls. */
export const LISTED_WIDTH = 800;

export function originalKey(image: Pick<ProductImage, 'id' | 'productId'>): string {
  return `products/${image.productId}/${image.id}/original`;
}

export function thumbnailKey(image: Pick<ProductImage, 'id' | 'productId'>, width: number): string {
  return `products/${image.productId}/${image.id}/w${width}.webp`;
}

export function allKeys(image: ProductImage): string[] {
  return [originalKey(image), ...THUMBNAIL_WIDTHS.map((width) => thumbnailKey(image, width))];
}

/** A new image slot at the end of the gallery; rejected images do not count. */
export function requestImage(input: { id: string; productId: string; existing: ProductImage[]; now: Date }): ProductImage {
  const live = input.existing.filter((image) => image.status !== 'rejected');
  if (live.length >= MAX_IMAGES_PER_PRODUCT) throw new TooManyImagesError(MAX_IMAGES_PER_PRODUCT);
  const position = Math.max(-1, ...live.map((image) => image.position)) + 1;
  return { id: input.id, productId: input.productId, status: 'awaiting_upload', position, rejection: null, createdAt: input.now, updatedAt: input.now };
}

/** The seller says the bytes are uploaded: the image waits for the processor. */
export function confirmImage(image: ProductImage, now: Date): ProductImage {
  if (image.status !== 'awaiting_upload') throw new ImageNotAwaitingUploadError(image.status);
  return { ...image, status: 'processing', updatedAt: now };
}

/** The processor's outcome; from any status but processing it quietly changes nothing. */
export function finishImage(image: ProductImage, rejection: RejectionReason | undefined, now: Date): ProductImage {
  if (image.status !== 'processing') return image;
  return rejection ? { ...image, status: 'rejected', rejection, updatedAt: now } : { ...image, status: 'ready', updatedAt: now };
}

/** New positions from the seller's list, which must name every image that is not rejected exactly once. */
export function reorderImages(images: ProductImage[], imageIds: string[], now: Date): ProductImage[] {
  const live = images.filter((image) => image.status !== 'rejected');
  const unique = new Set(imageIds);
  if (unique.size !== imageIds.length || imageIds.length !== live.length || live.some((image) => !unique.has(image.id))) throw new InvalidImageOrderError();
  return live.map((image) => ({ ...image, position: imageIds.indexOf(image.id), updatedAt: now }));
}

/**
 * The product's imageUrls: its ready images in gallery order, then the URLs the seller gave that are
 * not ours (kept as they were), at most `max` in all.
 */
export function productImageUrls(images: ProductImage[], current: string[], publicUrl: (key: string) => string, max: number): string[] {
  const ours = (url: string) => url.startsWith(publicUrl(''));
  const ready = images
    .filter((image) => image.status === 'ready')
    .sort((a, b) => a.position - b.position)
    .map((image) => publicUrl(thumbnailKey(image, LISTED_WIDTH)));
  return [...ready, ...current.filter((url) => !ours(url))].slice(0, max);
}
