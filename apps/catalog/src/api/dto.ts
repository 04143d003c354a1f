import {
  categoryName,
  categorySlug,
  currencyCode,
  isSingleLine,
  multiLine,
  productAttributes,
  productDescription,
  productImageUrls,
  productTitle,
  singleLine,
  uuid,
} from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { SLUG_MAX_LENGTH } from '../domain/category';

/** Amounts stay within the integers every client language reads exactly. */
const price = z.strictObject({
  amount: z.int({ error: 'must be an integer number of minor units' }).min(0).max(Number.MAX_SAFE_INTEGER),
  currency: currencyCode,
});

const name = singleLine(categoryName.trim().min(1));
const slug = categorySlug.max(SLUG_MAX_LENGTH);
const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z.string().min(1).max(500).optional();

export class IdParamDto extends createZodDto(z.strictObject({ id: uuid })) {}

export class CreateCategoryDto extends createZodDto(z.strictObject({ name, slug: slug.optional(), parentId: uuid.nullable().default(null) })) {}

export class RenameCategoryDto extends createZodDto(z.strictObject({ name, slug: slug.optional() })) {}

export class MoveCategoryDto extends createZodDto(z.strictObject({ parentId: uuid.nullable() })) {}

const productTitleInput = singleLine(productTitle.trim().min(1));
const description = multiLine(productDescription);
/** Keys and values as the contract allows them, each a single line of plain text. */
const attributes = productAttributes.refine(
  (entries) => Object.entries(entries).every(([key, values]) => isSingleLine(key) && values.every(isSingleLine)),
  { error: 'must not contain control or bidirectional-override characters' },
);

export class CreateProductDto extends createZodDto(
  z.strictObject({
    title: productTitleInput,
    description: description.default(''),
    price,
    categoryId: uuid,
    attributes: attributes.default({}),
    imageUrls: productImageUrls.default([]),
  }),
) {}

export class UpdateProductDto extends createZodDto(
  z
    .strictObject({
      title: productTitleInput.optional(),
      description: description.optional(),
      price: price.optional(),
      categoryId: uuid.optional(),
      attributes: attributes.optional(),
      imageUrls: productImageUrls.optional(),
    })
    .refine((changes) => Object.values(changes).some((value) => value !== undefined), { error: 'give at least one field to change' }),
) {}

export class ListProductsQueryDto extends createZodDto(
  z.strictObject({ sellerId: z.union([z.literal('me'), uuid]).optional(), categoryId: uuid.optional(), limit, cursor }),
) {}

export class PostReviewDto extends createZodDto(z.strictObject({ rating: z.int().min(1).max(5), body: multiLine(z.string().trim().min(1).max(5000)).optional() })) {}

export class ListReviewsQueryDto extends createZodDto(z.strictObject({ limit, cursor })) {}
