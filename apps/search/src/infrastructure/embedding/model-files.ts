import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** all-MiniLM-L6-v2 quantized to int8, as infra/embedding-model.sh extracts it. */
export const MINILM = { name: 'all-minilm-l6-v2-q', dimensions: 384, maxTokens: 256 } as const;

export const FETCH_MODEL_COMMAND = 'bash infra/embedding-model.sh fetch';

export interface ModelFiles {
  dir: string;
  onnx: string;
  tokenizer: string;
}

/** The model's files in `dir`; a relative `dir` is taken from the repository root, like the default. */
export function modelFiles(dir = join('.data', 'models', MINILM.name)): ModelFiles {
  const absolute = resolve(repositoryRoot(), dir);
  return { dir: absolute, onnx: join(absolute, `${MINILM.name}.onnx`), tokenizer: join(absolute, `${MINILM.name}-tokenizer.json`) };
}

export function modelFilesPresent(files: ModelFiles): boolean {
  return existsSync(files.onnx) && existsSync(files.tokenizer);
}

/** Throws, naming the command that fetches them, unless the model's files are in place. */
export function requireModelFiles(files: ModelFiles): ModelFiles {
  if (!modelFilesPresent(files)) throw new Error(`the embedding model ${MINILM.name} is not in ${files.dir}: run \`${FETCH_MODEL_COMMAND}\` first`);
  return files;
}

// The nearest folder with a package.json: the same from the sources and from dist/, whatever the working directory.
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
