import type { Pool } from 'pg';
import { AppendNotifier } from './append-notifier';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('AppendNotifier', () => {
  it('sends one NOTIFY for appends in its window, one more for appends while that is in flight, none when idle', async () => {
    const releases: Array<() => void> = [];
    const query = jest.fn((_sql: string, _values: unknown[]) => new Promise<void>((resolve) => releases.push(resolve)));
    const notifier = new AppendNotifier({ query } as unknown as Pool, 'orders_events', 1);

    notifier.afterAppend();
    notifier.afterAppend();
    await settle();
    expect(query).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledWith('SELECT pg_notify($1, $2)', ['orders_events', '']);

    notifier.afterAppend();
    notifier.afterAppend();
    releases[0]();
    await settle();
    expect(query).toHaveBeenCalledTimes(2);

    releases[1]();
    await settle();
    expect(query).toHaveBeenCalledTimes(2);

    notifier.afterAppend();
    await settle();
    expect(query).toHaveBeenCalledTimes(3);
  });

  it('keeps going after a failed NOTIFY (subscribers also poll)', async () => {
    const query = jest.fn().mockRejectedValueOnce(new Error('connection lost')).mockResolvedValue(undefined);
    const notifier = new AppendNotifier({ query } as unknown as Pool, 'orders_events', 1);
    notifier.afterAppend();
    await settle();
    notifier.afterAppend();
    await settle();
    expect(query).toHaveBeenCalledTimes(2);
  });
});
