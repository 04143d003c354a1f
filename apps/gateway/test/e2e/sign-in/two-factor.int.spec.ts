import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { expectOk, newCredentials, registerAndLogin, type Session, type SignedIn, totpCode } from '../support/users';
import { expectRefused } from './refusal';

interface Enrolled extends SignedIn {
  secret: string;
  recoveryCodes: string[];
}

describe('gateway e2e: two-factor sign-in with TOTP', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('two_factor');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** A new user with TOTP on, confirmed with the code of the current step (which is then used up). */
  async function enrolled(): Promise<Enrolled> {
    const user = await registerAndLogin(stack.api, newCredentials('totp'));
    const started = await stack.api.request('/me/mfa/totp', { method: 'POST', token: user.session.accessToken });
    expectOk(started, 201, 'TOTP enrolment');
    const secret = (started.body as { secret: string }).secret;
    const confirmed = await stack.api.post('/me/mfa/totp/confirm', { code: totpCode(secret) }, user.session.accessToken);
    expectOk(confirmed, 200, 'TOTP confirmation');
    return { ...user, secret, recoveryCodes: (confirmed.body as { recoveryCodes: string[] }).recoveryCodes };
  }

  /** The password step: with TOTP on it gives a challenge, no tokens. */
  async function challengeFor(user: Enrolled): Promise<string> {
    const answer = await stack.api.post('/auth/login', { email: user.credentials.email, password: user.credentials.password });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { mfaRequired: true, challenge: expect.any(String), expiresAt: expect.any(String) } });
    return (answer.body as { challenge: string }).challenge;
  }

  const verify = (challenge: string, code: string) => stack.api.post('/auth/mfa/verify', { challenge, code });

  it('logs in with the password and a code; the tokens work; the same code under a fresh challenge is refused', async () => {
    const user = await enrolled();
    // The next step's code: the current one confirmed the enrolment, and one step of skew is accepted.
    const code = totpCode(user.secret, 1);
    const signedIn = await verify(await challengeFor(user), code);
    expect({ status: signedIn.status, body: signedIn.body }).toEqual({ status: 200, body: { accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 } });
    const me = await stack.api.get('/me', (signedIn.body as Session).accessToken);
    expect({ status: me.status, body: me.body }).toMatchObject({ status: 200, body: { id: user.id } });

    expectRefused(await verify(await challengeFor(user), code), 401, 'mfa_code_already_used');
  });

  it('a recovery code stands in for a code exactly once', async () => {
    const user = await enrolled();
    const [recoveryCode] = user.recoveryCodes;
    const signedIn = await verify(await challengeFor(user), recoveryCode);
    expectOk(signedIn, 200, 'verification with a recovery code');
    expect((await stack.api.get('/me', (signedIn.body as Session).accessToken)).status).toBe(200);

    expectRefused(await verify(await challengeFor(user), recoveryCode), 401, 'invalid_mfa_code');
  });
});
