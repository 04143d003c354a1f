import type { Upcaster } from './upcaster';

/**
 * One upcaster per superseded event version (vN -> vN+1), built with `defineUpcaster`. When an event
 * changes, its old definition stays in `eventDefinitions` so stored and in-flight events remain
 * readable, and its upcaster goes here.
 */
export const upcasters: readonly Upcaster[] = [];
