import { serviceTokenConfigShape } from '@marketplace/auth';
import { dataServiceConfigSchema } from '@marketplace/platform';
import type { z } from 'zod';
import { imagesConfigShape } from './images/images-config';

/** The catalog verifies access tokens itself, against identity's key set; images go to S3 or local files. */
export const catalogConfigSchema = dataServiceConfigSchema.extend(serviceTokenConfigShape).extend(imagesConfigShape);

export type CatalogConfig = z.output<typeof catalogConfigSchema>;
