import { serviceTokenConfigShape } from '@marketplace/auth';
import { dataServiceConfigSchema } from '@marketplace/platform';
import type { z } from 'zod';

/** The catalog verifies access tokens itself, against identity's key set. */
export const catalogConfigSchema = dataServiceConfigSchema.extend(serviceTokenConfigShape);

export type CatalogConfig = z.output<typeof catalogConfigSchema>;
