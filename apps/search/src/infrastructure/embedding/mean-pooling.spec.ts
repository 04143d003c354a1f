import { meanPoolNormalized } from './mean-pooling';

describe('meanPoolNormalized', () => {
  it("averages the tokens' states and scales the mean to unit length", () => {
    // 3 tokens × 2 dimensions: the sum is (9, 4).
    const vector = meanPoolNormalized(Float32Array.from([1, 0, 3, 4, 5, 0]), 3, 2);
    expect(Array.from(vector)).toEqual([expect.closeTo(9 / Math.sqrt(97), 6), expect.closeTo(4 / Math.sqrt(97), 6)]);
  });

  it('rejects states that do not fit the shape, or no tokens', () => {
    expect(() => meanPoolNormalized(new Float32Array(5), 2, 2)).toThrow('token states of length 5 do not fit 2 tokens × 2');
    expect(() => meanPoolNormalized(new Float32Array(0), 0, 2)).toThrow('do not fit 0 tokens × 2');
  });
});
