import type { Logger } from '@marketplace/platform';
import { type Embedder, NoEmbedder } from '../../domain/embedder';
import type { SearchConfig } from '../../search-config';
import { FETCH_MODEL_COMMAND, MINILM, modelFiles, modelFilesPresent, requireModelFiles } from './model-files';
import { LazyEmbedder } from './lazy-embedder';
import { OnnxEmbedder, type OnnxEmbedderOptions } from './onnx-embedder';

export type EmbedderConfig = Pick<SearchConfig, 'SEARCH_EMBEDDER' | 'SEARCH_MODEL_DIR'>;

export interface CreateEmbedderOptions extends OnnxEmbedderOptions {
  /** Load the model at the first text rather than now (its files are still checked now). */
  lazy?: boolean;
}

/**
 * The embedder SEARCH_EMBEDDER names: `minilm` loads the model from SEARCH_MODEL_DIR and fails when its files
 * are missing; `auto` loads it when its files are there and gives none otherwise; `none` gives none.
 */
export async function createEmbedder(config: EmbedderConfig, log: Pick<Logger, 'info'>, options: CreateEmbedderOptions = {}): Promise<Embedder> {
  const files = modelFiles(config.SEARCH_MODEL_DIR);
  if (config.SEARCH_EMBEDDER === 'none' || (config.SEARCH_EMBEDDER === 'auto' && !modelFilesPresent(files))) {
    const why = config.SEARCH_EMBEDDER === 'none' ? 'SEARCH_EMBEDDER=none' : `no model in ${files.dir} (\`${FETCH_MODEL_COMMAND}\` fetches it)`;
    log.info(`embedder: none (${why}); search ranks by text alone`);
    return new NoEmbedder();
  }
  const present = requireModelFiles(files);
  if (options.lazy) {
    log.info(`embedder: ${MINILM.name} from ${files.dir}, loaded at its first text`);
    return new LazyEmbedder(MINILM.name, MINILM.dimensions, () => OnnxEmbedder.load(present, options));
  }
  const started = performance.now();
  const embedder = await OnnxEmbedder.load(present, options);
  log.info(`embedder: ${MINILM.name} from ${files.dir}, loaded in ${Math.round(performance.now() - started)} ms`);
  return embedder;
}
