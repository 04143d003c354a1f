import { isAfter, lagInEvents } from './position';

const at = (commit: number, prepare: number) => ({ commit: BigInt(commit), prepare: BigInt(prepare) });

describe('positions', () => {
  it('orders by commit, then prepare', () => {
    expect(isAfter(at(10, 3), at(9, 50))).toBe(true);
    expect(isAfter(at(9, 51), at(9, 50))).toBe(true);
    expect(isAfter(at(9, 50), at(9, 50))).toBe(false);
    expect(isAfter(at(8, 99), at(9, 50))).toBe(false);
    expect(isAfter(at(1, 1), undefined)).toBe(true);
  });

  it('reports lag as head.prepare minus checkpoint.prepare, zero only when caught up', () => {
    expect(lagInEvents(undefined, undefined)).toBe(0);
    expect(lagInEvents(at(20, 120), undefined)).toBe(120);
    expect(lagInEvents(at(20, 120), at(18, 100))).toBe(20);
    expect(lagInEvents(at(20, 120), at(20, 120))).toBe(0);
    // A transaction that took a higher sequence number committed first: the checkpoint may pass the head's.
    expect(lagInEvents(at(20, 120), at(20, 125))).toBe(0);
    // The head committed after the checkpoint with a lower sequence number: still behind.
    expect(lagInEvents(at(21, 110), at(20, 125))).toBe(1);
  });
});
