import { waitFor } from '@marketplace/testing';
import { openSearchWorld } from '../search-ingestion';
import { searchOnce, totalOf } from '../search-load';
import type { RelevanceCatalog } from './relevance-catalog';

export type SearchOverCatalog = Awaited<ReturnType<typeof openSearchWorld>>;

/**
 * Search as its own process on a fresh database and the embedded bus (relevance does not depend on the
 * bus, and it loads faster), started on the catalog published as a backlog, once every product is found
 * under its department: a product counts there only once its category path is in the read model, and
 * category names are part of what text search matches.
 */
export async function searchOverCatalog(catalog: RelevanceCatalog): Promise<SearchOverCatalog> {
  const world = await openSearchWorld('batch', undefined);
  try {
    for (let i = 0; i < catalog.events.length; i += 1000) await world.publish(catalog.events.slice(i, i + 1000));
    await world.start();
    await waitFor(
      async () => {
        const totals = await Promise.all(catalog.departmentIds.map((id) => searchOnce(world.base, `category=${id}&limit=1`).then(totalOf)));
        return totals.reduce((a, b) => a + b, 0) === catalog.products.length;
      },
      { timeoutMs: 10 * 60_000, intervalMs: 100, description: `all ${catalog.products.length} products searchable under their departments` },
    );
    return world;
  } catch (error) {
    await world.close();
    throw error;
  }
}
