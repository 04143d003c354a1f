import { CloudEventFactory } from '@marketplace/contracts';
import { Outbox } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { type Category, createCategory, moveCategory, renameCategory } from '../domain/category';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { CategoryNotFoundError, SlugTakenError, UnknownCategoryError } from '../domain/errors';
import { CategoriesRepository, DuplicateSlugError } from '../infrastructure/categories-repository';

export interface CategoryNode extends Category {
  children: CategoryNode[];
}

/** The category tree, managed by admins; every change leaves through the outbox. */
@Injectable()
export class CategoriesService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly categories: CategoriesRepository,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  async create(input: { name: string; slug?: string; parentId: string | null }): Promise<Category> {
    return this.db.transaction(async (trx) => {
      const parent = input.parentId === null ? null : await this.categories.byId(trx, input.parentId);
      if (parent === undefined) throw new UnknownCategoryError('parentId');
      const category = createCategory({ id: this.ids.next(), name: input.name, slug: input.slug, parent, now: this.clock.now() });
      await this.withUniqueSlug(category.slug, () => this.categories.insert(trx, category));
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.catalog.CategoryCreated.v1', category.id, {
          categoryId: category.id,
          parentId: category.parentId,
          name: category.name,
          slug: category.slug,
          createdAt: category.createdAt.toISOString(),
        }),
      ]);
      return category;
    });
  }

  async rename(id: string, input: { name: string; slug?: string }): Promise<Category> {
    return this.db.transaction(async (trx) => {
      const renamed = renameCategory(await this.load(trx, id), { ...input, now: this.clock.now() });
      await this.withUniqueSlug(renamed.slug, () => this.categories.rename(trx, renamed));
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.catalog.CategoryRenamed.v1', id, { categoryId: id, name: renamed.name, slug: renamed.slug, renamedAt: renamed.updatedAt.toISOString() }),
      ]);
      return renamed;
    });
  }

  async move(id: string, parentId: string | null): Promise<Category> {
    return this.db.transaction(async (trx) => {
      await this.categories.lockTree(trx);
      const category = await this.load(trx, id);
      const parent = parentId === null ? null : await this.categories.byId(trx, parentId);
      if (parent === undefined) throw new UnknownCategoryError('parentId');
      const moved = moveCategory(category, parent, this.clock.now());
      await this.categories.move(trx, category, moved);
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.catalog.CategoryMoved.v1', id, {
          categoryId: id,
          fromParentId: category.parentId,
          toParentId: moved.parentId,
          movedAt: moved.updatedAt.toISOString(),
        }),
      ]);
      return moved;
    });
  }

  async get(id: string): Promise<Category> {
    return this.load(this.db, id);
  }

  /** The whole tree: top-level categories with their children, each level by name. */
  async tree(): Promise<CategoryNode[]> {
    const nodes = new Map<string, CategoryNode>();
    const roots: CategoryNode[] = [];
    for (const category of await this.categories.all(this.db)) {
      const node = { ...category, children: [] };
      nodes.set(category.id, node);
      const parent = category.parentId === null ? undefined : nodes.get(category.parentId);
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  async ancestors(id: string): Promise<Category[]> {
    return this.categories.ancestors(this.db, await this.load(this.db, id));
  }

  private async load(db: Knex, id: string): Promise<Category> {
    const category = await this.categories.byId(db, id);
    if (!category) throw new CategoryNotFoundError();
    return category;
  }

  private async withUniqueSlug(slug: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (error instanceof DuplicateSlugError) throw new SlugTakenError(slug);
      throw error;
    }
  }
}
