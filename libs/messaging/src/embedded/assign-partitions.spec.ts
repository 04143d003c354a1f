import { partitionsFor, type GroupMember } from './assign-partitions';

const partitions = (topic: string, n: number) => Array.from({ length: n }, (_, partition) => ({ topic, partition }));

describe('partitionsFor', () => {
  it('gives a lone member every partition of its topics', () => {
    expect(partitionsFor('a', [{ memberId: 'a', topics: ['t'] }], partitions('t', 3))).toEqual(partitions('t', 3));
  });

  it('splits partitions into disjoint, complete, balanced sets whatever order members are listed in', () => {
    const members: GroupMember[] = [
      { memberId: 'b', topics: ['t', 'u'] },
      { memberId: 'a', topics: ['t', 'u'] },
      { memberId: 'c', topics: ['t', 'u'] },
    ];
    const all = [...partitions('t', 4), ...partitions('u', 3)];
    const sets = ['a', 'b', 'c'].map((id) => partitionsFor(id, [...members].reverse(), all));
    const flat = sets.flat().map((tp) => `${tp.topic}#${tp.partition}`);
    expect(new Set(flat).size).toBe(all.length);
    expect(flat).toHaveLength(all.length);
    expect(sets.map((s) => s.length)).toEqual([3, 2, 2]);
    expect(partitionsFor('a', members, all)).toEqual(sets[0]);
  });

  it('only deals a topic to the members subscribed to it', () => {
    const members: GroupMember[] = [
      { memberId: 'a', topics: ['t'] },
      { memberId: 'b', topics: ['u'] },
    ];
    const all = [...partitions('t', 2), ...partitions('u', 2)];
    expect(partitionsFor('a', members, all)).toEqual(partitions('t', 2));
    expect(partitionsFor('b', members, all)).toEqual(partitions('u', 2));
  });

  it('gives nothing to a member that is not in the list', () => {
    expect(partitionsFor('z', [{ memberId: 'a', topics: ['t'] }], partitions('t', 2))).toEqual([]);
  });
});
