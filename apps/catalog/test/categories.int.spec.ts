import { caller, type Caller, call, type CatalogTestApp, createCategory, expectCall, outboxEvents, rowCounts, startCatalog } from './catalog-app';

jest.setTimeout(60_000);

describe('catalog categories', () => {
  let app: CatalogTestApp;
  let admin: Caller;

  beforeAll(async () => {
    app = await startCatalog();
    admin = await caller(app, ['buyer', 'admin']);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('builds a tree of any depth, lists it, and lists the ancestors of a category from the root down', async () => {
    const home = await createCategory(app, admin, 'Home Tree');
    const kitchen = await createCategory(app, admin, 'Kitchen Tree', home);
    const knives = await createCategory(app, admin, 'Knives Tree', kitchen);
    const japanese = await createCategory(app, admin, 'Japanese Knives Tree', knives);

    const ancestors = await expectCall(app, 200, 'GET', `/categories/${japanese}/ancestors`);
    expect((ancestors.items as { id: string }[]).map((c) => c.id)).toEqual([home, kitchen, knives]);
    expect((await expectCall(app, 200, 'GET', `/categories/${home}/ancestors`)).items).toEqual([]);

    const tree = (await expectCall(app, 200, 'GET', '/categories')).items as { id: string; slug: string; children: unknown[] }[];
    const root = tree.find((node) => node.id === home) as unknown as { slug: string; children: { id: string; children: { id: string; depth: number; children: { id: string; depth: number }[] }[] }[] };
    expect(root.slug).toBe('home-tree');
    expect(root.children[0].id).toBe(kitchen);
    expect(root.children[0].children[0].id).toBe(knives);
    expect(root.children[0].children[0].children[0]).toMatchObject({ id: japanese, depth: 3 });
  });

  it('moves a subtree, rewrites its descendants, and refuses a move that would make a cycle with 422, writing nothing', async () => {
    const a = await createCategory(app, admin, 'Move A');
    const b = await createCategory(app, admin, 'Move B', a);
    const c = await createCategory(app, admin, 'Move C', b);
    const other = await createCategory(app, admin, 'Move Other');

    const before = await rowCounts(app);
    for (const parentId of [a, b, c]) {
      const refused = await call(app, 'POST', `/categories/${a}/move`, { as: admin, body: { parentId } });
      expect(refused.status).toBe(422);
      expect(refused.body.error?.code).toBe('category_cycle');
    }
    expect(await rowCounts(app)).toEqual(before);

    const moved = await expectCall(app, 200, 'POST', `/categories/${b}/move`, { as: admin, body: { parentId: other } });
    expect(moved).toMatchObject({ parentId: other, depth: 1 });
    const ancestors = await expectCall(app, 200, 'GET', `/categories/${c}/ancestors`);
    expect((ancestors.items as { id: string }[]).map((x) => x.id)).toEqual([other, b]);

    await expectCall(app, 200, 'POST', `/categories/${b}/move`, { as: admin, body: { parentId: null } });
    expect((await expectCall(app, 200, 'GET', `/categories/${c}/ancestors`)).items).toMatchObject([{ id: b, parentId: null, depth: 0 }]);

    const events = await outboxEvents(app, b);
    expect(events.map((event) => event.type)).toEqual([
      'marketplace.catalog.CategoryCreated.v1',
      'marketplace.catalog.CategoryMoved.v1',
      'marketplace.catalog.CategoryMoved.v1',
    ]);
    expect(events[1].data).toMatchObject({ categoryId: b, fromParentId: a, toParentId: other });
    expect(events[2].data).toMatchObject({ fromParentId: other, toParentId: null });
  });

  it('lets only one of two concurrent moves that together would make a cycle succeed', async () => {
    for (let round = 0; round < 5; round += 1) {
      const x = await createCategory(app, admin, `Race X ${round}`);
      const y = await createCategory(app, admin, `Race Y ${round}`);
      const answers = await Promise.all([
        call(app, 'POST', `/categories/${x}/move`, { as: admin, body: { parentId: y } }),
        call(app, 'POST', `/categories/${y}/move`, { as: admin, body: { parentId: x } }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
      const rows = await app.db('categories').whereIn('id', [x, y]).select<{ id: string; parent_id: string | null; path: string[] }[]>('id', 'parent_id', 'path');
      expect(rows.filter((row) => row.parent_id === null)).toHaveLength(1);
      for (const row of rows) expect(row.path.at(-1)).toBe(row.id);
    }
  });

  it('keeps slugs unique across the tree (409), renames with a new slug, and publishes CategoryRenamed', async () => {
    const first = await createCategory(app, admin, 'Garden Tools');
    const parent = await createCategory(app, admin, 'Outdoor');
    const duplicate = await call(app, 'POST', '/categories', { as: admin, body: { name: 'Garden  tools!', parentId: parent } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error?.code).toBe('slug_taken');

    const renamed = await expectCall(app, 200, 'PATCH', `/categories/${first}`, { as: admin, body: { name: 'Gardening' } });
    expect(renamed).toMatchObject({ name: 'Gardening', slug: 'gardening' });
    expect((await call(app, 'PATCH', `/categories/${parent}`, { as: admin, body: { name: 'Outdoor', slug: 'gardening' } })).status).toBe(409);
    const events = await outboxEvents(app, first);
    expect(events.at(-1)).toMatchObject({ type: 'marketplace.catalog.CategoryRenamed.v1', data: { categoryId: first, name: 'Gardening', slug: 'gardening' } });
  });

  it('lets only admins manage categories, and anyone read them', async () => {
    const seller = await caller(app, ['buyer', 'seller']);
    const id = await createCategory(app, admin, 'Admins Only');
    expect((await call(app, 'POST', '/categories', { as: seller, body: { name: 'Sneaky' } })).status).toBe(403);
    expect((await call(app, 'POST', '/categories', { body: { name: 'Sneaky' } })).status).toBe(401);
    expect((await call(app, 'PATCH', `/categories/${id}`, { as: seller, body: { name: 'Sneaky' } })).status).toBe(403);
    expect((await call(app, 'POST', `/categories/${id}/move`, { as: seller, body: { parentId: null } })).status).toBe(403);
    expect((await call(app, 'GET', `/categories/${id}`)).status).toBe(200);
  });

  it('answers 404 for an unknown category and 422 for an unknown parent', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call(app, 'GET', `/categories/${unknown}/ancestors`)).status).toBe(404);
    const orphan = await call(app, 'POST', '/categories', { as: admin, body: { name: 'Orphan', parentId: unknown } });
    expect(orphan.status).toBe(422);
    expect(orphan.body.error?.code).toBe('unknown_category');
  });
});
