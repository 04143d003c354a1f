import { CloudEventFactory } from '@marketplace/contracts';
import type { CloudEvent, Money } from '@marketplace/contracts';
import { Outbox } from '@marketplace/messaging';
import { decodeCursor, KNEX, type Page, UnauthenticatedError } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { type Actor, isAdmin } from '../domain/actor';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { ProductNotFoundError, UnknownCategoryError } from '../domain/errors';
import {
  archiveProduct,
  assertMayChange,
  createProduct,
  editProduct,
  isVisibleTo,
  type Product,
  type ProductDetails,
  publishProduct,
} from '../domain/product';
import { CategoriesRepository } from '../infrastructure/categories-repository';
import { ProductsRepository } from '../infrastructure/products-repository';

export type ProductForm = ProductDetails & { price: Money };
export type ProductChanges = Partial<ProductForm>;

export interface ProductQuery {
  /** A seller's products; `me` is the caller. */
  sellerId?: string;
  categoryId?: string;
  limit: number;
  cursor?: string;
}

/** Sellers' products: created as drafts, edited, published and archived by their owner (or an admin). */
@Injectable()
export class ProductsService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly products: ProductsRepository,
    private readonly categories: CategoriesRepository,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  async create(seller: Actor, form: ProductForm): Promise<Product> {
    return this.db.transaction(async (trx) => {
      await this.assertCategoryExists(trx, form.categoryId);
      const product = createProduct({ ...form, id: this.ids.next(), sellerId: seller.id, now: this.clock.now() });
      await this.products.insert(trx, product);
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.catalog.ProductCreated.v1', product.id, { ...describedBy(product), price: product.price, createdAt: product.createdAt.toISOString() }),
      ]);
      return product;
    });
  }

  /** Descriptive edits publish ProductUpdated; a new price publishes ProductPriceChanged; an edit that changes nothing publishes nothing. */
  async edit(actor: Actor, id: string, changes: ProductChanges): Promise<Product> {
    return this.db.transaction(async (trx) => {
      const current = await this.loadForChange(trx, actor, id);
      if (changes.categoryId !== undefined && changes.categoryId !== current.categoryId) await this.assertCategoryExists(trx, changes.categoryId);
      const { product, detailsChanged, previousPrice } = editProduct(current, changes, this.clock.now());
      if (product === current) return current;
      await this.products.update(trx, product);
      const at = product.updatedAt.toISOString();
      const events: CloudEvent[] = [];
      if (detailsChanged) events.push(this.updatedEvent(product));
      if (previousPrice) {
        events.push(this.events.create('marketplace.catalog.ProductPriceChanged.v1', id, { productId: id, sellerId: product.sellerId, previousPrice, price: product.price, changedAt: at }));
      }
      await this.outbox.enqueue(trx, events);
      return product;
    });
  }

  /**
   * The product's imageUrls as `compose` makes them from the current ones, in the caller's transaction
   * (the images' processor, after checking the seller's rights when the images were requested). An
   * archived product is final: it keeps its URLs.
   */
  async replaceImageUrls(trx: Knex.Transaction, id: string, compose: (current: string[]) => string[]): Promise<void> {
    const current = await this.products.byId(trx, id, { forUpdate: true });
    if (!current || current.status === 'archived') return;
    const { product, detailsChanged } = editProduct(current, { imageUrls: compose(current.imageUrls) }, this.clock.now());
    if (!detailsChanged) return;
    await this.products.update(trx, product);
    await this.outbox.enqueue(trx, [this.updatedEvent(product)]);
  }

  /** ProductUpdated carries every descriptive field, so consumers need no earlier event to show the product. */
  private updatedEvent(product: Product): CloudEvent {
    return this.events.create('marketplace.catalog.ProductUpdated.v1', product.id, { ...describedBy(product), updatedAt: product.updatedAt.toISOString() });
  }

  async publish(actor: Actor, id: string): Promise<Product> {
    return this.changeStatus(actor, id, publishProduct, (product) =>
      this.events.create('marketplace.catalog.ProductPublished.v1', id, { productId: id, sellerId: product.sellerId, publishedAt: product.updatedAt.toISOString() }),
    );
  }

  async archive(actor: Actor, id: string): Promise<Product> {
    return this.changeStatus(actor, id, archiveProduct, (product) =>
      this.events.create('marketplace.catalog.ProductArchived.v1', id, { productId: id, sellerId: product.sellerId, archivedAt: product.updatedAt.toISOString() }),
    );
  }

  /** One lifecycle step by the owner or an admin: the new state and its event in one transaction. */
  private changeStatus(actor: Actor, id: string, step: (product: Product, at: Date) => Product, eventOf: (product: Product) => CloudEvent): Promise<Product> {
    return this.db.transaction(async (trx) => {
      const product = step(await this.loadForChange(trx, actor, id), this.clock.now());
      await this.products.update(trx, product);
      await this.outbox.enqueue(trx, [eventOf(product)]);
      return product;
    });
  }

  /** A product as the caller may see it: someone else's draft does not exist for them. */
  async get(actor: Actor | undefined, id: string): Promise<Product> {
    return this.loadVisible(this.db, actor, id);
  }

  async loadVisible(db: Knex, actor: Actor | undefined, id: string): Promise<Product> {
    const product = await this.products.byId(db, id);
    if (!product || !isVisibleTo(product, actor)) throw new ProductNotFoundError();
    return product;
  }

  /** Published products for everyone; a seller's own list (and any list an admin asks for by seller) includes drafts and archived ones. */
  async list(actor: Actor | undefined, query: ProductQuery): Promise<Page<Product>> {
    if (query.sellerId === 'me' && !actor) throw new UnauthenticatedError('Listing your own products (sellerId=me) needs an access token.');
    const sellerId = query.sellerId === 'me' ? actor?.id : query.sellerId;
    const allStatuses = sellerId !== undefined && (sellerId === actor?.id || isAdmin(actor));
    return this.products.list(this.db, {
      sellerId,
      allStatuses,
      categoryId: query.categoryId,
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    });
  }

  /** The product for a change by its owner or an admin, its row locked so that concurrent changes apply one after the other. */
  async loadForChange(trx: Knex.Transaction, actor: Actor, id: string): Promise<Product> {
    const product = await this.products.byId(trx, id, { forUpdate: true });
    if (!product || !isVisibleTo(product, actor)) throw new ProductNotFoundError();
    assertMayChange(product, actor);
    return product;
  }

  private async assertCategoryExists(db: Knex, categoryId: string): Promise<void> {
    if (!(await this.categories.exists(db, categoryId))) throw new UnknownCategoryError('categoryId');
  }
}

/** What ProductCreated and ProductUpdated both carry: the product as a seller describes it. */
function describedBy(product: Product) {
  return {
    productId: product.id,
    sellerId: product.sellerId,
    categoryId: product.categoryId,
    title: product.title,
    description: product.description,
    attributes: product.attributes,
    imageUrls: product.imageUrls,
  };
}
