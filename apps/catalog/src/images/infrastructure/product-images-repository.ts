import type { Knex } from 'knex';
import type { RejectionReason } from '../domain/image-checks';
import type { ImageStatus, ProductImage } from '../domain/product-image';

interface ImageRow {
  id: string;
  product_id: string;
  status: ImageStatus;
  position: number;
  rejection: RejectionReason | null;
  created_at: Date;
  updated_at: Date;
}

function toImage(row: ImageRow): ProductImage {
  return { id: row.id, productId: row.product_id, status: row.status, position: row.position, rejection: row.rejection, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toRow(image: ProductImage): ImageRow {
  return { id: image.id, product_id: image.productId, status: image.status, position: image.position, rejection: image.rejection, created_at: image.createdAt, updated_at: image.updatedAt };
}

export class ProductImagesRepository {
  async ofProduct(db: Knex, productId: string): Promise<ProductImage[]> {
    return (await db('product_images').where({ product_id: productId }).orderBy(['position', 'created_at']).select<ImageRow[]>('*')).map(toImage);
  }

  async save(db: Knex, images: ProductImage[]): Promise<void> {
    if (images.length) await db('product_images').insert(images.map(toRow)).onConflict('id').merge();
  }

  async remove(db: Knex, id: string): Promise<void> {
    await db('product_images').where({ id }).delete();
  }

  /** Deletes the slots requested before `before` whose upload was never confirmed, and returns them. */
  async removeAbandoned(db: Knex, before: Date): Promise<ProductImage[]> {
    const rows = await db('product_images').where({ status: 'awaiting_upload' }).andWhere('created_at', '<', before).delete().returning<ImageRow[]>('*');
    return rows.map(toImage);
  }

  /** The oldest confirmed image no other processor holds, locked until the transaction ends. */
  async claimPending(db: Knex): Promise<ProductImage | undefined> {
    const row = await db('product_images').where({ status: 'processing' }).orderBy('updated_at').forUpdate().skipLocked().first<ImageRow | undefined>();
    return row && toImage(row);
  }
}
