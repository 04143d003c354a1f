import { z } from 'zod';

export const productTitle = z.string().min(1).max(300);
export const productDescription = z.string().max(10000);
/** Key/values such as `{ colour: ['charcoal'], size: ['S', 'M'] }`: searchable and filterable. */
export const productAttributes = z
  .record(z.string().min(1).max(100), z.array(z.string().min(1).max(200)).min(1).max(50))
  .refine((attributes) => Object.keys(attributes).length <= 50, { error: 'at most 50 attributes' });
export const productImageUrls = z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(20);
