import { messageStatus } from './receipts';

describe('message status for its sender', () => {
  const at = new Date('2026-01-02T10:00:00.000Z');

  it.each([
    [{ deliveredAt: null, readAt: null }, 'sent'],
    [{ deliveredAt: at, readAt: null }, 'delivered'],
    [{ deliveredAt: at, readAt: at }, 'read'],
    [{ deliveredAt: null, readAt: at }, 'read'],
  ] as const)('given %o, then it is %s', (message, status) => {
    expect(messageStatus(message)).toBe(status);
  });
});
