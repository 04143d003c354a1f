import { z } from 'zod';

export const categoryName = z.string().min(1).max(200);

/** The category's URL segment, unique among its siblings. */
export const categorySlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lower-case words joined by hyphens');
