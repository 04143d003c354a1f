import { uuid } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MAX_IMAGES_PER_PRODUCT } from '../domain/product-image';

export class ProductImageParamsDto extends createZodDto(z.strictObject({ id: uuid, imageId: uuid })) {}

export class ReorderImagesDto extends createZodDto(z.strictObject({ imageIds: z.array(uuid).min(1).max(MAX_IMAGES_PER_PRODUCT) })) {}

/** The size of the file about to be uploaded: its upload URL takes exactly that many bytes. */
export class RequestUploadDto extends createZodDto(z.strictObject({ contentLength: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('The file\'s size in bytes') })) {}

/** A local upload URL's proof (see LocalImageStorage). */
export class UploadSignatureDto extends createZodDto(
  z.strictObject({ expires: z.coerce.number().int().positive(), length: z.coerce.number().int().positive(), signature: z.string().min(1).max(100) }),
) {}
