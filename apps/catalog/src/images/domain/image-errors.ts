import { BusinessRuleError, ConflictError, DependencyUnavailableError, NotFoundError } from '@marketplace/platform';

export class ImageNotFoundError extends NotFoundError {
  constructor() {
    super('No such image of this product.', { code: 'image_not_found' });
  }
}

export class TooManyImagesError extends BusinessRuleError {
  constructor(max: number) {
    super(`A product has at most ${max} images.`, { code: 'too_many_images' });
  }
}

/** A confirmation of an image that is no longer waiting for its upload (already confirmed, or removed). */
export class ImageNotAwaitingUploadError extends ConflictError {
  constructor(status: string) {
    super(`The image is ${status.replace('_', ' ')}; only an image waiting for its upload can be confirmed.`, { code: 'image_not_awaiting_upload' });
  }
}

export class InvalidImageOrderError extends BusinessRuleError {
  constructor() {
    super("The order must list each of the product's images exactly once.", { code: 'invalid_image_order', details: [{ field: 'imageIds', message: 'must be a permutation of the images' }] });
  }
}

/** An upload declared larger than IMAGE_MAX_BYTES: refused before any byte is sent. */
export class ImageTooLargeError extends BusinessRuleError {
  constructor(maxBytes: number) {
    super(`An image may have at most ${maxBytes} bytes.`, { code: 'image_too_large', details: [{ field: 'contentLength', message: `must be at most ${maxBytes}` }] });
  }
}

export class ImageNotUploadedError extends ConflictError {
  constructor() {
    super('Nothing has been uploaded for this image yet: PUT the bytes to its upload URL first.', { code: 'image_not_uploaded' });
  }
}

/** The image store does not answer; the request can be tried again. */
export class ImageStorageUnavailableError extends DependencyUnavailableError {
  constructor(cause: unknown) {
    super('The image store is not reachable; try again later.', { code: 'image_storage_unavailable', cause });
  }
}
