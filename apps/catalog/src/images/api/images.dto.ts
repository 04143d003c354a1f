import { uuid } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MAX_IMAGES_PER_PRODUCT } from '../domain/product-image';

export class ProductImageParamsDto extends createZodDto(z.strictObject({ id: uuid, imageId: uuid })) {}

export class ReorderImagesDto extends createZodDto(z.strictObject({ imageIds: z.array(uuid).min(1).max(MAX_IMAGES_PER_PRODUCT) })) {}

/** A local upload URL's proof (see LocalImageStorage). */
export class UploadSignatureDto extends createZodDto(z.strictObject({ expires: z.coerce.number().int().positive(), signature: z.string().min(1).max(100) })) {}
