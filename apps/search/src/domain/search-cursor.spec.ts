import { decodeCursor, encodeCursor, InvalidCursorError } from './search-cursor';

describe('search cursors', () => {
  const id = 'd0000000-0000-4000-8000-000000000001';

  it('round-trip the sort key and id of the last item, and the mode', () => {
    const cursor = { sort: 'relevance' as const, mode: 'hybrid' as const, key: '1.0607927325367928', id };
    expect(decodeCursor(encodeCursor(cursor), 'relevance', 'hybrid')).toEqual(cursor);
    expect(encodeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('read a cursor made before there were modes as a text one', () => {
    const old = Buffer.from(JSON.stringify({ s: 'price_asc', k: '100', i: id })).toString('base64url');
    expect(decodeCursor(old, 'price_asc', 'text')).toEqual({ sort: 'price_asc', mode: 'text', key: '100', id });
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['another sort', encodeCursor({ sort: 'newest', mode: 'text', key: '2026-01-01T00:00:00Z', id })],
    ['another mode', encodeCursor({ sort: 'price_asc', mode: 'semantic', key: '100', id })],
    ['a bad id', Buffer.from(JSON.stringify({ s: 'price_asc', k: '100', i: 'x' })).toString('base64url')],
    ['a key that is not a price', encodeCursor({ sort: 'price_asc', mode: 'text', key: "1' OR '1'='1", id })],
    ['a key that is not a time', encodeCursor({ sort: 'newest', mode: 'text', key: 'yesterday', id })],
    ['extra fields', Buffer.from(JSON.stringify({ s: 'price_asc', k: '100', i: id, x: 1 })).toString('base64url')],
  ])('are refused when they carry %s', (_case, text) => {
    expect(() => decodeCursor(text, 'price_asc', 'text')).toThrow(InvalidCursorError);
  });
});
