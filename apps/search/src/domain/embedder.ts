/**
 * Turns text into a vector for semantic search. Search ranks by text and trigrams today; an
 * implementation of this port (and a vector column) is where semantic ranking would plug in.
 */
export interface Embedder {
  readonly name: string;
  /** undefined: this embedder gives no vectors, and search ranks by text alone. */
  embed(text: string): Promise<number[] | undefined>;
}

export const EMBEDDER = Symbol('EMBEDDER');

/** The default (`SEARCH_EMBEDDER=none`): no vectors. */
export class NoEmbedder implements Embedder {
  readonly name = 'none';

  async embed(): Promise<undefined> {
    return undefined;
  }
}

/** The embedder SEARCH_EMBEDDER names. */
export function createEmbedder(kind: 'none'): Embedder {
  switch (kind) {
    case 'none':
      return new NoEmbedder();
  }
}
