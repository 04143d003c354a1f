import { z } from 'zod';

/** An instant as ISO 8601 in UTC (`2026-03-01T12:00:00.000Z`); offsets other than `Z` are refused. */
export const timestamp = z.iso
  .datetime({ offset: false, message: 'must be an ISO 8601 UTC timestamp ending in Z' })
  .describe('ISO 8601 UTC timestamp');
