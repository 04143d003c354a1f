/**
 * Nearest neighbours of a product by embedding, within compatible categories. `undefined` means there
 * are no embeddings to compare (the product's or any), which the caller answers as no recommendations.
 */
export interface SimilarProducts {
  similarTo(productId: string, limit: number): Promise<string[] | undefined>;
}

export const SIMILAR_PRODUCTS = Symbol('SIMILAR_PRODUCTS');
