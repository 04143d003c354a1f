import { categoryPath, type CategoryNode } from './category-paths';

const node = (id: string, parentId: string | null, name = id.toUpperCase()): [string, CategoryNode] => [id, { id, parentId, name, slug: id }];

describe('categoryPath', () => {
  it('runs from the top-level ancestor down to the category', () => {
    const tree = new Map([node('a', null), node('b', 'a'), node('c', 'b')]);
    expect(categoryPath(tree, 'c')).toEqual({ ids: ['a', 'b', 'c'], names: ['A', 'B', 'C'] });
  });

  it('stops at a parent not known yet, keeping its id', () => {
    const tree = new Map([node('c', 'b')]);
    expect(categoryPath(tree, 'c')).toEqual({ ids: ['b', 'c'], names: ['C'] });
    expect(categoryPath(new Map(), 'x')).toEqual({ ids: ['x'], names: [] });
  });

  it('ends a cycle instead of looping', () => {
    const tree = new Map([node('a', 'b'), node('b', 'a')]);
    expect(categoryPath(tree, 'a')).toEqual({ ids: ['b', 'a'], names: ['B', 'A'] });
  });
});
