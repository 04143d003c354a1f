/**
 * Turns text into vectors for semantic search: products' text when they are indexed, queries when they are
 * asked. `createEmbedder` (infrastructure/embedding) picks the implementation from SEARCH_EMBEDDER.
 */
export interface Embedder {
  /** e.g. 'all-minilm-l6-v2-q', or 'none'. */
  readonly name: string;
  /** Length of every vector; 0 for none. */
  readonly dimensions: number;
  /** One L2-normalised vector per text, in order; undefined when this embedder gives no vectors. */
  embedBatch(texts: readonly string[]): Promise<Float32Array[] | undefined>;
  /** A search query's vector, cached (an LRU of recent queries), undefined for none. */
  embedQuery(text: string): Promise<Float32Array | undefined>;
  close(): Promise<void>;
}

export const EMBEDDER = Symbol('EMBEDDER');

/** `SEARCH_EMBEDDER=none`, or `auto` without the model's files: no vectors, and search ranks by text alone. */
export class NoEmbedder implements Embedder {
  readonly name = 'none';
  readonly dimensions = 0;

  async embedBatch(): Promise<undefined> {
    return undefined;
  }

  async embedQuery(): Promise<undefined> {
    return undefined;
  }

  async close(): Promise<void> {
    // Holds nothing to release.
  }
}
