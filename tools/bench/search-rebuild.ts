import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { elapsedSeconds } from './measurement';

export interface SearchRebuildResult {
  embedder: 'none' | 'minilm';
  /** Published products, each embedded once by a rebuild with the model. */
  products: number;
  seconds: number;
}

/**
 * `npm run ops -- projections rebuild search-products` on search's database, with the model
 * (SEARCH_EMBEDDER=minilm) or without (none): the difference is what embedding costs. Timed from the
 * command's start, so its own start (and the model's load, about 0.2 s) is in the figure.
 */
export async function timeSearchRebuild(databaseUrl: string, embedder: 'minilm' | 'none'): Promise<SearchRebuildResult> {
  const cli = join(__dirname, '..', 'ops', 'main.js');
  const started = process.hrtime.bigint();
  await promisify(execFile)(process.execPath, [cli, 'projections', 'rebuild', 'search-products', '--service', 'search'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SEARCH_EMBEDDER: embedder },
  });
  const seconds = elapsedSeconds(started);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM search.products WHERE status = 'published'`);
    return { embedder, products: rows[0].n, seconds };
  } finally {
    await client.end();
  }
}
