import { isGatewayReadyWithout } from './gateway-readiness';

const notReady = (...fields: string[]) => ({ error: { code: 'not_ready', details: fields.map((field) => ({ field, message: 'unreachable' })) } });

describe('isGatewayReadyWithout', () => {
  it('is ready on 200', () => {
    expect(isGatewayReadyWithout(200, { status: 'ready' }, [])).toBe(true);
  });

  it('is ready on 503 when only absent services are not ready', () => {
    expect(isGatewayReadyWithout(503, notReady('catalog', 'orders'), ['catalog', 'orders', 'search'])).toBe(true);
  });

  it('is not ready when a started service is not ready, or the answer is not the readiness report', () => {
    expect(isGatewayReadyWithout(503, notReady('catalog', 'identity'), ['catalog'])).toBe(false);
    expect(isGatewayReadyWithout(503, notReady(), ['catalog'])).toBe(false);
    expect(isGatewayReadyWithout(503, 'Service Unavailable', ['catalog'])).toBe(false);
    expect(isGatewayReadyWithout(500, notReady('catalog'), ['catalog'])).toBe(false);
  });
});
