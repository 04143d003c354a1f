/**
 * The commission rate of each product, in basis points: its category's when one is configured, else the
 * default. A product whose category the ledger has not heard of yet pays the default rate.
 */
export function commissionRates(defaultRate: number, categoryRates: Record<string, number>, categoryOf: Map<string, string>): (productId: string) => number {
  return (productId) => {
    const category = categoryOf.get(productId);
    return category !== undefined && Object.hasOwn(categoryRates, category) ? categoryRates[category] : defaultRate;
  };
}
