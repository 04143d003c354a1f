import type { ExecutionContext } from '@nestjs/common';
import type { PaymentsConfig } from '../../payments-config';
import { MpesaCallbackGuard } from './mpesa-callback.guard';

const TOKEN = 'mpesa-callback-secret-token';
const guard = (allowed?: string[]) => new MpesaCallbackGuard({ MPESA_CALLBACK_TOKEN: TOKEN, MPESA_CALLBACK_ALLOWED_IPS: allowed } as PaymentsConfig);
const callback = (token: string, remoteAddress: string, forwardedFor?: string) =>
  ({
    switchToHttp: () => ({
      getRequest: () => ({ params: { token }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}, socket: { remoteAddress } }),
    }),
  }) as unknown as ExecutionContext;

describe('who may post an M-Pesa callback', () => {
  it('takes the secret token only, answering 404 to any other', () => {
    expect(guard().canActivate(callback(TOKEN, '127.0.0.1'))).toBe(true);
    expect(() => guard().canActivate(callback(`${TOKEN}x`, '127.0.0.1'))).toThrow(expect.objectContaining({ status: 404, code: 'not_found' }));
    expect(() => guard().canActivate(callback('', '127.0.0.1'))).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('refuses every token when none is configured', () => {
    const unconfigured = new MpesaCallbackGuard({} as PaymentsConfig);
    expect(() => unconfigured.canActivate(callback(TOKEN, '127.0.0.1'))).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('with an allow-list, takes the address the gateway forwards, else the connection', () => {
    const listed = guard(['196.201.214.200']);
    expect(listed.canActivate(callback(TOKEN, '10.0.0.5', '196.201.214.200'))).toBe(true);
    expect(listed.canActivate(callback(TOKEN, '::ffff:196.201.214.200'))).toBe(true);
    expect(() => listed.canActivate(callback(TOKEN, '10.0.0.5', '203.0.113.7'))).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => listed.canActivate(callback(TOKEN, '203.0.113.7'))).toThrow(expect.objectContaining({ status: 404 }));
  });
});
