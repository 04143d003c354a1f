import { categoryName, categorySlug, currencyCode, productAttributes, productDescription, productImageUrls, productTitle, uuid } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { SLUG_MAX_LENGTH } from '../domain/category';

/** Amounts stay within the integers every client language reads exactly. */
const price = z.strictObject({
  amount: z.int({ error: 'must be an integer number of minor units' }).min(0).max(Number.MAX_SAFE_INTEGER),
  currency: currencyCode,
});
/** No control characters (they break logs and displays) and no bidirectional overrides (they make text display as something else). */
const SINGLE_LINE = /^[^\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]*$/u;
/** The same, with line breaks and tabs allowed. */
const MULTI_LINE = /^(?:[^\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]|[\n\r\t])*$/u;
const singleLine = { error: 'must not contain control or bidirectional-override characters' };
const multiLine = { error: 'must not contain control characters other than line breaks, nor bidirectional overrides' };

const name = categoryName.trim().min(1).regex(SINGLE_LINE, singleLine);
const slug = categorySlug.max(SLUG_MAX_LENGTH);
const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z.string().min(1).max(500).optional();

export class IdParamDto extends createZodDto(z.strictObject({ id: uuid })) {}

export class CreateCategoryDto extends createZodDto(z.strictObject({ name, slug: slug.optional(), parentId: uuid.nullable().default(null) })) {}

export class RenameCategoryDto extends createZodDto(z.strictObject({ name, slug: slug.optional() })) {}

export class MoveCategoryDto extends createZodDto(z.strictObject({ parentId: uuid.nullable() })) {}

const productTitleInput = productTitle.trim().min(1).regex(SINGLE_LINE, singleLine);
const description = productDescription.regex(MULTI_LINE, multiLine);
/** Keys and values as the contract allows them, each a single line of plain text. */
const attributes = productAttributes.refine(
  (entries) => Object.entries(entries).every(([key, values]) => SINGLE_LINE.test(key) && values.every((value) => SINGLE_LINE.test(value))),
  singleLine,
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

export class PostReviewDto extends createZodDto(z.strictObject({ rating: z.int().min(1).max(5), body: z.string().trim().min(1).max(5000).regex(MULTI_LINE, multiLine).optional() })) {}

export class ListReviewsQueryDto extends createZodDto(z.strictObject({ limit, cursor })) {}
