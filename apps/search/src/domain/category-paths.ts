/** A category as search knows it: enough to place it in the tree and name it. */
export interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
  slug: string;
}

/** The chain from the top-level ancestor down to the category itself. */
export interface CategoryPath {
  ids: string[];
  names: string[];
}

/**
 * Resolves a category's path through the categories known so far. A parent not seen yet (events of
 * different categories may arrive in any order) ends the path there; a cycle, which the catalog never
 * produces, ends it where it would repeat.
 */
export function categoryPath(categories: ReadonlyMap<string, CategoryNode>, categoryId: string): CategoryPath {
  const ids: string[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  let current: string | null = categoryId;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const node = categories.get(current);
    ids.unshift(current);
    if (!node) break;
    names.unshift(node.name);
    current = node.parentId;
  }
  return { ids, names };
}
