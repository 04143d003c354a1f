import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { Embedder } from '../../domain/embedder';
import { LruCache } from './lru-cache';
import { meanPoolNormalized } from './mean-pooling';
import { MINILM, type ModelFiles } from './model-files';
import { WordPieceTokenizer } from './wordpiece-tokenizer';

const INPUTS = ['input_ids', 'attention_mask', 'token_type_ids'];
const OUTPUT = 'last_hidden_state';

export interface OnnxEmbedderOptions {
  /** Threads of one inference (ONNX Runtime's intra-op pool); 1 leaves the other cores to the service. */
  intraOpNumThreads?: number;
  /** Recent queries whose vectors are kept. */
  queryCacheSize?: number;
}

/**
 * all-MiniLM-L6-v2 run in this process by ONNX Runtime on the CPU: 384-dimensional unit vectors.
 *
 * One inference per text, never a padded batch: the model is quantized dynamically, each layer scaling its
 * activations by the range of the whole input tensor, so a text padded beside others came out up to 0.03 per
 * coordinate away from the same text alone (cosine 0.986). Alone, a text's vector depends on its text only, and
 * 32 texts one by one cost what one padded batch of them did (measured, ~70 tokens each).
 */
export class OnnxEmbedder implements Embedder {
  readonly name = MINILM.name;
  readonly dimensions = MINILM.dimensions;
  private readonly queries: LruCache<string, Float32Array>;

  private constructor(
    private readonly session: InferenceSession,
    private readonly tokenizer: WordPieceTokenizer,
    options: OnnxEmbedderOptions,
  ) {
    this.queries = new LruCache(options.queryCacheSize ?? 1000);
  }

  static async load(files: ModelFiles, options: OnnxEmbedderOptions = {}): Promise<OnnxEmbedder> {
    const tokenizer = WordPieceTokenizer.fromFile(files.tokenizer, { maxLength: MINILM.maxTokens });
    const session = await InferenceSession.create(files.onnx, { intraOpNumThreads: options.intraOpNumThreads ?? 1, interOpNumThreads: 1, executionMode: 'sequential' });
    const missing = [...INPUTS.filter((name) => !session.inputNames.includes(name)), ...(session.outputNames.includes(OUTPUT) ? [] : [OUTPUT])];
    if (missing.length) {
      await session.release();
      throw new Error(`${files.onnx} is not the expected model: it lacks ${missing.join(', ')} (inputs ${session.inputNames.join(', ')}; outputs ${session.outputNames.join(', ')})`);
    }
    return new OnnxEmbedder(session, tokenizer, options);
  }

  async embedBatch(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (const text of texts) vectors.push(await this.infer(this.tokenizer.encode(text)));
    return vectors;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const ids = this.tokenizer.encode(text);
    // Keyed by token ids: queries differing only in case, accents or spacing share one vector.
    const key = ids.join(' ');
    const cached = this.queries.get(key);
    if (cached) return cached;
    const vector = await this.infer(ids);
    this.queries.set(key, vector);
    return vector;
  }

  async close(): Promise<void> {
    await this.session.release();
  }

  /** One inference over one text's token ids: its vector. */
  private async infer(ids: number[]): Promise<Float32Array> {
    const shape = [1, ids.length];
    const outputs = await this.session.run({
      input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), shape),
      attention_mask: new Tensor('int64', new BigInt64Array(ids.length).fill(1n), shape),
      token_type_ids: new Tensor('int64', new BigInt64Array(ids.length), shape),
    });
    const states = outputs[OUTPUT];
    try {
      return meanPoolNormalized(states.data as Float32Array, ids.length, this.dimensions);
    } finally {
      states.dispose();
    }
  }
}
