import type { CategoryNode } from '../application/categories.service';
import type { Category } from '../domain/category';
import type { Product } from '../domain/product';
import { averageRating, type Review } from '../domain/review';

export function categoryView(category: Category) {
  return {
    id: category.id,
    parentId: category.parentId,
    name: category.name,
    slug: category.slug,
    depth: category.path.length - 1,
    createdAt: category.createdAt.toISOString(),
    updatedAt: category.updatedAt.toISOString(),
  };
}

export type CategoryTreeView = ReturnType<typeof categoryView> & { children: CategoryTreeView[] };

export function categoryTreeView(node: CategoryNode): CategoryTreeView {
  return { ...categoryView(node), children: node.children.map(categoryTreeView) };
}

export function productView(product: Product) {
  return {
    id: product.id,
    sellerId: product.sellerId,
    categoryId: product.categoryId,
    title: product.title,
    description: product.description,
    price: product.price,
    attributes: product.attributes,
    imageUrls: product.imageUrls,
    status: product.status,
    rating: { average: averageRating(product.rating), count: product.rating.count },
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    publishedAt: product.publishedAt?.toISOString() ?? null,
    archivedAt: product.archivedAt?.toISOString() ?? null,
  };
}

export function reviewView(review: Review) {
  return { id: review.id, productId: review.productId, authorId: review.authorId, rating: review.rating, body: review.body, postedAt: review.postedAt.toISOString() };
}
