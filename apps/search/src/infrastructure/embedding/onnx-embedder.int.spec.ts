import reference from './fixtures/reference-embeddings.json';
import { createEmbedder } from './create-embedder';
import { modelFiles, requireModelFiles } from './model-files';
import { OnnxEmbedder } from './onnx-embedder';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, index) => sum + value * b[index], 0);
const maxAbsDifference = (a: Float32Array, b: Float32Array) => Math.max(...a.map((value, index) => Math.abs(value - b[index])));

describe('OnnxEmbedder (the real all-MiniLM-L6-v2)', () => {
  let embedder: OnnxEmbedder;

  // Fails every test, naming `bash infra/embedding-model.sh fetch`, when the model's files are missing.
  beforeAll(async () => {
    embedder = await OnnxEmbedder.load(requireModelFiles(modelFiles()));
  });
  afterAll(() => embedder?.close());

  it('gives one 384-dimensional unit vector per text, in order', async () => {
    const texts = ['Electric kettle, 1.7 l, stainless steel', 'Trail running shoes', ''];
    const vectors = await embedder.embedBatch(texts);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toHaveLength(384);
      expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 5);
    }
    expect(maxAbsDifference(vectors[0], (await embedder.embedBatch([texts[0]]))[0])).toBeLessThan(1e-5);
    expect(await embedder.embedBatch([])).toEqual([]);
  });

  it('puts a paraphrase nearer than unrelated text', async () => {
    const [query, kettle, shoes] = await embedder.embedBatch(['something to boil water', 'Electric kettle, 1.7 l, stainless steel', 'Trail running shoes']);
    expect(dot(query, kettle)).toBeGreaterThan(dot(query, shoes) + 0.1);
  });

  // A padded batch would not pass: the model's dynamic quantization scales by the whole input's range.
  it('gives a text the same vector alone and among longer texts, in a batch of more than 32', async () => {
    const short = 'kettle';
    const long = 'A long product description, many times the length of the short text: '.repeat(8);
    const texts = [long, ...Array.from({ length: 40 }, (_, index) => (index === 35 ? short : `product number ${index}`))];
    const batched = await embedder.embedBatch(texts);
    const [alone] = await embedder.embedBatch([short]);
    expect(batched).toHaveLength(41);
    expect(maxAbsDifference(batched[36], alone)).toBeLessThan(1e-5);
  });

  it('matches the Python reference (onnxruntime, mean pooling, normalisation) within 1e-4', async () => {
    const vectors = await embedder.embedBatch(reference.cases.map((c) => c.text));
    reference.cases.forEach(({ first8 }, index) => {
      expect(maxAbsDifference(vectors[index].slice(0, 8), Float32Array.from(first8))).toBeLessThan(1e-4);
    });
  });

  it('embeds a query as a text and keeps it for queries with the same tokens', async () => {
    const first = await embedder.embedQuery('Stainless kettle');
    expect(maxAbsDifference(first, (await embedder.embedBatch(['Stainless kettle']))[0])).toBeLessThan(1e-5);
    expect(await embedder.embedQuery('  stainless  KETTLE ')).toBe(first);
    expect(await embedder.embedQuery('stainless teapot')).not.toBe(first);
  });

  it('is what createEmbedder gives for minilm, and for auto with the files in place', async () => {
    const log = { info: jest.fn() };
    for (const kind of ['minilm', 'auto'] as const) {
      const created = await createEmbedder({ SEARCH_EMBEDDER: kind, SEARCH_MODEL_DIR: undefined }, log);
      expect(created).toBeInstanceOf(OnnxEmbedder);
      expect({ name: created.name, dimensions: created.dimensions }).toEqual({ name: 'all-minilm-l6-v2-q', dimensions: 384 });
      await created.close();
    }
    expect(log.info).toHaveBeenCalledWith(expect.stringMatching(/^embedder: all-minilm-l6-v2-q from .*, loaded in \d+ ms$/));
  });
});
