import { SERVICE_NAMES, type ServiceName } from '@marketplace/platform';
import type { DemoAccounts } from './demo/demo-accounts';

/** The services' addresses and what they run on, once the gateway is ready. */
export function servicesBanner(ports: Record<ServiceName, number>, database: string, messaging: string, seconds: number): string[] {
  return [
    `the services are ready (${seconds.toFixed(1)} s):`,
    ...SERVICE_NAMES.map((name) => `  ${name.padEnd(14)} http://127.0.0.1:${ports[name]}   (/health /ready /metrics)`),
    `  database       ${database}`,
    `  messaging      ${messaging}`,
  ];
}

/** The lines a person starts from: the API, its documentation, the admin console, the demo's accounts, and how to stop. */
export function readyBanner(gatewayPort: number, accounts: DemoAccounts | undefined, adminFromEnv: boolean): string[] {
  const gateway = `http://127.0.0.1:${gatewayPort}`;
  const lines = [`ready: the API is ${gateway}/api/v1, its documentation ${gateway}/docs`, `  admin console  ${gateway}/console   (sign in as the admin)`];
  if (accounts) {
    const [first, ...others] = accounts.buyers;
    const row = (role: string, email: string, password: string, note = '') => `  ${role.padEnd(7)} ${email.padEnd(26)} ${password}${note ? `   ${note}` : ''}`;
    lines.push(
      'demo accounts (email, password):',
      row('admin', accounts.admin.email, adminFromEnv ? '(your ADMIN_PASSWORD)' : accounts.admin.password),
      ...accounts.sellers.map((seller) => row('seller', seller.email, seller.password, seller.businessName)),
      row('buyer', first.email, first.password, 'has orders shipped, delivered and awaiting payment'),
      `  buyers  ${others.map((buyer) => buyer.email.split('@')[0]).join(', ')} (@${first.email.split('@')[1]}), same password`,
    );
  }
  lines.push('press Ctrl-C to stop (the data stays for the next start)');
  return lines;
}
