import { clientIp } from './client-ip';

const trusted = ['127.0.0.1', '::1'];

describe('client IP', () => {
  it('is the socket address when the caller is not a trusted proxy, whatever x-forwarded-for says', () => {
    expect(clientIp('203.0.113.9', '198.51.100.1', trusted)).toBe('203.0.113.9');
  });

  it('is the nearest untrusted hop of x-forwarded-for behind a trusted proxy', () => {
    expect(clientIp('127.0.0.1', '198.51.100.1, 203.0.113.7', trusted)).toBe('203.0.113.7');
    expect(clientIp('127.0.0.1', '198.51.100.1, 127.0.0.1', trusted)).toBe('198.51.100.1');
  });

  it('is the socket address behind a trusted proxy that sent no header', () => {
    expect(clientIp('::1', undefined, trusted)).toBe('::1');
  });
});
