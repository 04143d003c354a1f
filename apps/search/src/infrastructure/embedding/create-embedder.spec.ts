import { NoEmbedder } from '../../domain/embedder';
import { createEmbedder } from './create-embedder';

describe('createEmbedder without the model', () => {
  const log = { info: jest.fn() };
  const nowhere = '/nonexistent/models/all-minilm-l6-v2-q';

  it('gives none for none, saying why', async () => {
    const embedder = await createEmbedder({ SEARCH_EMBEDDER: 'none', SEARCH_MODEL_DIR: undefined }, log);
    expect(embedder).toBeInstanceOf(NoEmbedder);
    expect(await embedder.embedBatch(['kettle'])).toBeUndefined();
    expect(await embedder.embedQuery('kettle')).toBeUndefined();
    expect(log.info).toHaveBeenLastCalledWith('embedder: none (SEARCH_EMBEDDER=none); search ranks by text alone');
  });

  it('gives none for auto when the files are missing, naming the command that fetches them', async () => {
    const embedder = await createEmbedder({ SEARCH_EMBEDDER: 'auto', SEARCH_MODEL_DIR: nowhere }, log);
    expect({ name: embedder.name, dimensions: embedder.dimensions }).toEqual({ name: 'none', dimensions: 0 });
    expect(log.info).toHaveBeenLastCalledWith(`embedder: none (no model in ${nowhere} (\`bash infra/embedding-model.sh fetch\` fetches it)); search ranks by text alone`);
  });

  it('fails for minilm when the files are missing, naming the command that fetches them', async () => {
    await expect(createEmbedder({ SEARCH_EMBEDDER: 'minilm', SEARCH_MODEL_DIR: nowhere }, log)).rejects.toThrow(
      `the embedding model all-minilm-l6-v2-q is not in ${nowhere}: run \`bash infra/embedding-model.sh fetch\` first`,
    );
  });
});
