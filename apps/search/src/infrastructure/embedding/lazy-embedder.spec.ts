import type { Embedder } from '../../domain/embedder';
import { LazyEmbedder } from './lazy-embedder';

function countingLoader() {
  const calls = { loads: 0, closes: 0 };
  const inner: Embedder = {
    name: 'test-model',
    dimensions: 2,
    embedBatch: async (texts) => texts.map(() => Float32Array.of(1, 0)),
    embedQuery: async () => Float32Array.of(0, 1),
    close: async () => void (calls.closes += 1),
  };
  return { calls, load: async () => ((calls.loads += 1), inner) };
}

describe('LazyEmbedder', () => {
  it('loads nothing until the first text, then loads once however many ask at the same time', async () => {
    const { calls, load } = countingLoader();
    const embedder = new LazyEmbedder('test-model', 2, load);
    expect([embedder.name, embedder.dimensions, calls.loads]).toEqual(['test-model', 2, 0]);
    const [batch, query] = await Promise.all([embedder.embedBatch(['a', 'b']), embedder.embedQuery('q')]);
    expect([batch, query]).toEqual([[Float32Array.of(1, 0), Float32Array.of(1, 0)], Float32Array.of(0, 1)]);
    expect(calls.loads).toBe(1);
    await embedder.close();
    expect(calls.closes).toBe(1);
  });

  it('closes without loading when it never embedded', async () => {
    const { calls, load } = countingLoader();
    await new LazyEmbedder('test-model', 2, load).close();
    expect(calls).toEqual({ loads: 0, closes: 0 });
  });
});
