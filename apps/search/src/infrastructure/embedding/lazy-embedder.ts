import type { Embedder } from '../../domain/embedder';

/**
 * An embedder whose model is loaded at its first text, not before: a process that only may need it (the ops
 * tooling, which builds every projection's definition to show or rebuild one) pays its ~110 MB only if it does.
 */
export class LazyEmbedder implements Embedder {
  private loaded?: Promise<Embedder>;

  constructor(
    readonly name: string,
    readonly dimensions: number,
    private readonly load: () => Promise<Embedder>,
  ) {}

  async embedBatch(texts: readonly string[]): Promise<Float32Array[] | undefined> {
    return (await this.embedder()).embedBatch(texts);
  }

  async embedQuery(text: string): Promise<Float32Array | undefined> {
    return (await this.embedder()).embedQuery(text);
  }

  async close(): Promise<void> {
    await (await this.loaded)?.close();
  }

  private embedder(): Promise<Embedder> {
    this.loaded ??= this.load();
    return this.loaded;
  }
}
