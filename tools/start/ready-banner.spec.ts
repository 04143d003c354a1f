import { demoAccounts } from './demo/demo-accounts';
import { readyBanner } from './ready-banner';

describe('ready banner', () => {
  it('names the API, its documentation and the admin console on the gateway, and the demo admin who signs in there', () => {
    const lines = readyBanner(3000, demoAccounts(), false);
    expect(lines.slice(0, 2)).toEqual(['ready: the API is http://127.0.0.1:3000/api/v1, its documentation http://127.0.0.1:3000/docs', '  admin console  http://127.0.0.1:3000/console   (sign in as the admin)']);
    expect(lines).toContain('  admin   admin@demo.example         demo-admin-password');
    expect(lines[lines.length - 1]).toBe('press Ctrl-C to stop (the data stays for the next start)');
  });

  it('names the console without a demo too, and hides a password that came from the environment', () => {
    expect(readyBanner(4000, undefined, false)).toEqual([
      'ready: the API is http://127.0.0.1:4000/api/v1, its documentation http://127.0.0.1:4000/docs',
      '  admin console  http://127.0.0.1:4000/console   (sign in as the admin)',
      'press Ctrl-C to stop (the data stays for the next start)',
    ]);
    const fromEnv = readyBanner(3000, demoAccounts({ ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'secret-from-env' }), true);
    expect(fromEnv).toContain('  admin   ops@example.com            (your ADMIN_PASSWORD)');
    expect(fromEnv.join('\n')).not.toContain('secret-from-env');
  });
});
