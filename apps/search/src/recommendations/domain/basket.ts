/** The distinct products of an order, sorted: a product on two lines is still one product of the order. */
export function basketOf(lines: readonly { productId: string }[]): string[] {
  return [...new Set(lines.map((line) => line.productId))].sort();
}

/** Every ordered pair of distinct products of one basket: the order counts once for each, in both directions. */
export function coPurchasePairs(products: readonly string[]): [productId: string, otherId: string][] {
  return products.flatMap((productId) => products.filter((otherId) => otherId !== productId).map((otherId): [string, string] => [productId, otherId]));
}
