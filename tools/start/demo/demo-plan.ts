import { demoCategories, demoProducts, type DemoCategory, type DemoProduct } from './catalog-generator';
import { demoAccounts, type DemoAccounts } from './demo-accounts';
import { demoOrders, type DemoOrder } from './order-plan';

/** Everything the demo seeds, decided before the first request. */
export interface DemoPlan {
  accounts: DemoAccounts;
  categories: DemoCategory[];
  products: DemoProduct[];
  orders: DemoOrder[];
}

export function demoPlan(env: NodeJS.ProcessEnv): DemoPlan {
  const accounts = demoAccounts(env);
  const products = demoProducts(accounts.sellers.length);
  return { accounts, categories: demoCategories(), products, orders: demoOrders(products.map((p) => p.slug), accounts.buyers.length) };
}
