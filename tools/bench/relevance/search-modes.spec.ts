import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embeddingsCaughtUp, rankedIds } from './search-modes';

/** A stand-in for search: answers each request with what `answer` says. */
let answer: (request: IncomingMessage) => { status: number; body: unknown };
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const { status, body } = answer(request);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('rankedIds', () => {
  it('names the mode and the limit, and gives the ids in order', async () => {
    let asked = '';
    answer = (request) => {
      asked = request.url ?? '';
      return { status: 200, body: { items: [{ id: 'b' }, { id: 'a' }], facets: { priceBands: [] }, nextCursor: null } };
    };
    await expect(rankedIds(base, 'text', 'glass kettle', 20)).resolves.toEqual(['b', 'a']);
    expect(asked).toBe('/search?q=glass+kettle&mode=text&limit=20');
  });

  it('fails naming the mode that search refuses', async () => {
    answer = () => ({ status: 400, body: { code: 'validation_failed' } });
    await expect(rankedIds(base, 'hybrid', 'kettle', 20)).rejects.toThrow(/refused mode hybrid \(400/);
  });
});

describe('embeddingsCaughtUp', () => {
  const ready = (vectors: string) => () => ({ status: 200, body: { status: 'ready', checks: { database: 'ok', vectors } } });

  it('is true only once every published product is embedded', async () => {
    answer = ready('minilm; exact scan in process; 1999 of 2054 published products embedded');
    await expect(embeddingsCaughtUp(base)).resolves.toBe(false);
    answer = ready('minilm; exact scan in process; 2054 of 2054 published products embedded');
    await expect(embeddingsCaughtUp(base)).resolves.toBe(true);
  });

  it('is false while search is not ready', async () => {
    answer = () => ({ status: 503, body: { code: 'not_ready' } });
    await expect(embeddingsCaughtUp(base)).resolves.toBe(false);
  });

  it('fails when the check does not say how many products are embedded', async () => {
    answer = ready('no embedding model (text search only); exact scan in process');
    await expect(embeddingsCaughtUp(base)).rejects.toThrow(/not how many products are embedded/);
  });
});
