import { murmur2, partitionForKey } from './partition-for-key';

describe('partitionForKey', () => {
  it('hashes like Kafka\'s Java client (Utils#murmur2 test vectors)', () => {
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
    expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
    expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(Buffer.from('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(Buffer.from('abc'))).toBe(479470107);
  });

  it('maps a key to the same partition every time, within range, and spreads keys', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100; i++) {
      const p = partitionForKey(`order-${i}`, 3);
      expect(p).toBe(partitionForKey(`order-${i}`, 3));
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(3);
      seen.add(p);
    }
    expect(seen.size).toBe(3);
  });
});
