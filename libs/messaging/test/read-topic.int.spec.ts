import { describeEachBackend } from '@marketplace/testing';
import type { IncomingMessage } from '../src';
import { messageBusBackends, testEvent, type BusTestContext } from './bus-backends';

jest.setTimeout(60_000);

const place = (m: IncomingMessage) => `${m.partition}:${m.offset}`;

describeEachBackend('readTopic', messageBusBackends(), (backend) => {
  let ctx: BusTestContext;

  beforeEach(async () => {
    ctx = await backend().createContext();
  });

  afterEach(() => ctx.dispose());

  it('reads every message with its key, bytes and headers, by partition then offset, and commits nothing', async () => {
    const topic = ctx.name('read.topic');
    const bus = ctx.bus();
    await bus.ensureTopics([topic], 3);
    const producer = await bus.producer();
    const events = Array.from({ length: 12 }, (_, i) => testEvent(`k-${i % 5}`, i));
    await producer.send(events.map((value) => ({ topic, key: value.subject, value, headers: { extra: 'yes' } })));
    await producer.send([{ topic, key: 'raw', value: Buffer.from('{not json'), headers: { 'dlq-error-name': 'X' } }]);
    await producer.close();

    const read = await ctx.bus('reader').readTopic(topic);
    expect(read).toHaveLength(13);
    expect(read.map(place)).toEqual([...read].sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset)).map(place));
    const byId = new Map(read.filter((m) => m.key !== 'raw').map((m) => [JSON.parse(m.value.toString()).id, m]));
    for (const event of events) {
      expect(byId.get(event.id)).toMatchObject({ topic, key: event.subject, headers: { 'ce-id': event.id, 'ce-type': event.type, extra: 'yes' } });
    }
    expect(read.find((m) => m.key === 'raw')).toMatchObject({ value: Buffer.from('{not json'), headers: { 'dlq-error-name': 'X' } });
    // Reading again gives the same: nothing was consumed on anyone's behalf.
    expect((await ctx.bus('reader-2').readTopic(topic)).map(place)).toEqual(read.map(place));
  });

  it('reads a topic that does not exist, or has no message, as empty', async () => {
    const bus = ctx.bus();
    expect(await bus.readTopic(ctx.name('never.written'))).toEqual([]);
    await bus.ensureTopics([ctx.name('empty')], 2);
    expect(await bus.readTopic(ctx.name('empty'))).toEqual([]);
    await expect(bus.readTopic('bad topic!')).rejects.toThrow(/Invalid topic/);
  });
});
