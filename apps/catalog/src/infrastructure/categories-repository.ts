import type { Knex } from 'knex';
import type { Category } from '../domain/category';

interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: string;
  slug: string;
  path: string[];
  created_at: Date;
  updated_at: Date;
}

function toCategory(row: CategoryRow): Category {
  return { id: row.id, parentId: row.parent_id, name: row.name, slug: row.slug, path: row.path, createdAt: row.created_at, updatedAt: row.updated_at };
}

const SLUG_UNIQUE = 'categories_slug_key';

/** Thrown by insert/update when the slug is already taken (the unique index decides; the transaction is then spoilt). */
export class DuplicateSlugError extends Error {
  override readonly name = 'DuplicateSlugError';
}

export class CategoriesRepository {
  /** Serialises tree moves: two concurrent moves could each pass the cycle check and together make a cycle. */
  async lockTree(trx: Knex.Transaction): Promise<void> {
    await trx.raw("select pg_advisory_xact_lock(hashtext('catalog.category-tree'))");
  }

  async byId(db: Knex, id: string, options: { forUpdate?: boolean } = {}): Promise<Category | undefined> {
    const query = db('categories').where({ id });
    const row = await (options.forUpdate ? query.forUpdate() : query).first<CategoryRow | undefined>();
    return row && toCategory(row);
  }

  async exists(db: Knex, id: string): Promise<boolean> {
    return (await db('categories').where({ id }).first('id')) !== undefined;
  }

  /** Every category, parents before children. */
  async all(db: Knex): Promise<Category[]> {
    const rows = await db('categories').orderByRaw('array_length(path, 1), name, id').select<CategoryRow[]>('*');
    return rows.map(toCategory);
  }

  /** The ancestors of a category, from the root down, without the category itself. */
  async ancestors(db: Knex, category: Category): Promise<Category[]> {
    const ids = category.path.slice(0, -1);
    if (ids.length === 0) return [];
    const rows = await db('categories').whereIn('id', ids).select<CategoryRow[]>('*');
    return rows.map(toCategory).sort((a, b) => a.path.length - b.path.length);
  }

  async insert(db: Knex, category: Category): Promise<void> {
    await this.guardSlug(() =>
      db('categories').insert({
        id: category.id,
        parent_id: category.parentId,
        name: category.name,
        slug: category.slug,
        path: category.path,
        created_at: category.createdAt,
        updated_at: category.updatedAt,
      }),
    );
  }

  async rename(db: Knex, category: Category): Promise<void> {
    await this.guardSlug(() => db('categories').where({ id: category.id }).update({ name: category.name, slug: category.slug, updated_at: category.updatedAt }));
  }

  /** Moves the category and rewrites the path of its whole subtree: the moved prefix is replaced by the new one. */
  async move(trx: Knex.Transaction, before: Category, after: Category): Promise<void> {
    await trx('categories').where({ id: after.id }).update({ parent_id: after.parentId, updated_at: after.updatedAt });
    await trx.raw('update categories set path = ?::uuid[] || path[?:] where path @> array[?::uuid]', [after.path, before.path.length + 1, after.id]);
  }

  private async guardSlug(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if ((error as { constraint?: string }).constraint === SLUG_UNIQUE) throw new DuplicateSlugError();
      throw error;
    }
  }
}
