/** A person of the demo, signing in with a password printed at start. */
export interface DemoAccount {
  email: string;
  password: string;
  name: string;
}

export interface DemoSeller extends DemoAccount {
  businessName: string;
  country: string;
}

export interface DemoAccounts {
  admin: DemoAccount;
  sellers: DemoSeller[];
  buyers: DemoAccount[];
}

/** `.example` is reserved for documentation: these addresses never reach anyone. */
const DOMAIN = 'demo.example';
const SELLER_PASSWORD = 'demo-seller-password';
const BUYER_PASSWORD = 'demo-buyer-password';
export const DEMO_ADMIN: DemoAccount = { email: `admin@${DOMAIN}`, password: 'demo-admin-password', name: 'Administrator' };

const SELLERS: readonly Omit<DemoSeller, 'password'>[] = [
  { email: `nordlicht@${DOMAIN}`, name: 'Greta Nordlicht', businessName: 'Nordlicht Home', country: 'DE' },
  { email: `atelier-sud@${DOMAIN}`, name: 'Lucie Marchand', businessName: 'Atelier Sud', country: 'FR' },
];

const BUYER_NAMES = ['Ann Baker', 'Ben Carter', 'Chloe Dubois', 'David Evans', 'Emma Fischer', 'Farid Haddad', 'Grace Ito', 'Hiro Kato'];

/**
 * The demo's people. The admin is identity's bootstrap account (ADMIN_EMAIL/ADMIN_PASSWORD): when the
 * environment names one, the demo uses it instead of its own.
 */
export function demoAccounts(env: NodeJS.ProcessEnv = {}): DemoAccounts {
  const admin = env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, name: 'Administrator' } : DEMO_ADMIN;
  return {
    admin,
    sellers: SELLERS.map((seller) => ({ ...seller, password: SELLER_PASSWORD })),
    buyers: BUYER_NAMES.map((name) => ({ name, email: `${name.split(' ')[0].toLowerCase()}@${DOMAIN}`, password: BUYER_PASSWORD })),
  };
}
