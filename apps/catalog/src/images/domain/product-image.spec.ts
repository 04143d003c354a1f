import { checkDimensions, checkUpload, sniffFormat } from './image-checks';
import { ImageNotAwaitingUploadError, InvalidImageOrderError, TooManyImagesError } from './image-errors';
import { confirmImage, finishImage, MAX_IMAGES_PER_PRODUCT, productImageUrls, type ProductImage, reorderImages, requestImage } from './product-image';

const now = new Date('2026-03-01T10:00:00Z');
const later = new Date('2026-03-01T10:05:00Z');
const limits = { maxBytes: 1000, maxPixels: 100 * 100 };
const PNG_HEAD = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);

function given(statuses: ProductImage['status'][]): ProductImage[] {
  return statuses.map((status, i) => ({ id: `i${i}`, productId: 'p', status, position: i, rejection: null, createdAt: now, updatedAt: now }));
}

describe('image checks', () => {
  it('recognises PNG, JPEG and WebP by their magic numbers and nothing else', () => {
    expect(sniffFormat(PNG_HEAD)).toBe('png');
    expect(sniffFormat(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffFormat(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(sniffFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffFormat(new Uint8Array())).toBeUndefined();
  });

  it('refuses a file over the size limit before looking at its bytes, and one that only claims to be an image', () => {
    expect(checkUpload({ size: 1001, head: PNG_HEAD }, limits)).toEqual({ ok: false, reason: 'too_large' });
    expect(checkUpload({ size: 10, head: Buffer.from('just text') }, limits)).toEqual({ ok: false, reason: 'not_an_image' });
    expect(checkUpload({ size: 1000, head: PNG_HEAD }, limits)).toEqual({ ok: true, format: 'png' });
  });

  it('refuses an image with more pixels than allowed', () => {
    expect(checkDimensions({ width: 101, height: 100 }, limits)).toBe('too_many_pixels');
    expect(checkDimensions({ width: 100, height: 100 }, limits)).toBeUndefined();
  });
});

describe('product images', () => {
  it('given images, when one is requested, then it goes last, rejected ones not counting towards the limit', () => {
    const image = requestImage({ id: 'new', productId: 'p', existing: given(['ready', 'rejected']), now });
    expect(image).toEqual({ id: 'new', productId: 'p', status: 'awaiting_upload', position: 1, rejection: null, createdAt: now, updatedAt: now });
    const full = given(Array(MAX_IMAGES_PER_PRODUCT).fill('ready'));
    expect(() => requestImage({ id: 'x', productId: 'p', existing: full, now })).toThrow(TooManyImagesError);
    expect(requestImage({ id: 'x', productId: 'p', existing: [...full.slice(1), ...given(['rejected'])], now }).status).toBe('awaiting_upload');
  });

  it('given an awaiting image, when confirmed twice, then the second confirmation is refused', () => {
    const confirmed = confirmImage(given(['awaiting_upload'])[0], later);
    expect(confirmed).toMatchObject({ status: 'processing', updatedAt: later });
    expect(() => confirmImage(confirmed, later)).toThrow(ImageNotAwaitingUploadError);
  });

  it('given a processing image, when finished, then it is ready or rejected; from another status nothing changes', () => {
    const [processing, ready] = given(['processing', 'ready']);
    expect(finishImage(processing, undefined, later)).toMatchObject({ status: 'ready', rejection: null });
    expect(finishImage(processing, 'not_an_image', later)).toMatchObject({ status: 'rejected', rejection: 'not_an_image' });
    expect(finishImage(ready, 'too_large', later)).toBe(ready);
  });

  it('given images, when reordered, then positions follow the list, which must name each live image once', () => {
    const images = given(['ready', 'processing', 'rejected']);
    expect(reorderImages(images, ['i1', 'i0'], later).map((image) => [image.id, image.position])).toEqual([['i0', 1], ['i1', 0]]);
    for (const wrong of [['i1'], ['i0', 'i0'], ['i0', 'i1', 'i2'], ['i0', 'zz']]) expect(() => reorderImages(images, wrong, later)).toThrow(InvalidImageOrderError);
  });

  it("lists ready images' large thumbnails in gallery order before the seller's own URLs, and drops our stale ones", () => {
    const images = given(['ready', 'processing', 'ready']).map((image, i) => ({ ...image, position: 2 - i }));
    const publicUrl = (key: string) => `https://img.example.com/${key}`;
    const current = ['https://img.example.com/products/p/old/w800.webp', 'https://elsewhere.example.com/a.jpg'];
    expect(productImageUrls(images, current, publicUrl, 20)).toEqual([
      'https://img.example.com/products/p/i2/w800.webp',
      'https://img.example.com/products/p/i0/w800.webp',
      'https://elsewhere.example.com/a.jpg',
    ]);
    expect(productImageUrls(images, current, publicUrl, 1)).toHaveLength(1);
  });
});
