import { OpsError } from '../ops-command';
import type { OpsContext } from '../ops-context';
import { republishCommand } from './republish-command';
import { matchesFilter, republishFilter } from './republish-filter';

// Refused before anything is read or sent: the context is never touched.
const untouched = new Proxy({}, { get: () => { throw new Error('the context was used'); } }) as OpsContext;
const run = (options: Record<string, string | true>, positionals: string[] = []) => republishCommand.run({ positionals, options }, untouched);

describe('events republish arguments', () => {
  it.each<[Record<string, string | true>, string]>([
    [{}, 'give --stream, --type, --since or --until; republishing the whole history needs --all'],
    [{ all: true, stream: 'order-1' }, '--all republishes everything: leave out the other filters, or --all'],
    [{ type: 'OrderPlaced' }, 'unknown event type "OrderPlaced"; types look like marketplace.orders.OrderPlaced.v3'],
    [{ since: 'yesterday' }, '--since must be an ISO 8601 time such as 2025-03-01T12:00:00Z, not "yesterday"'],
    [{ since: '2025-03-02T00:00:00Z', until: '2025-03-01T00:00:00Z' }, '--since must be before --until'],
    [{ all: true, 'to-topic': 'no spaces please' }, '--to-topic "no spaces please" is not a topic name: use 1 to 249 characters from [a-zA-Z0-9._-]'],
    [{ stream: true }, '--stream needs a value'],
  ])('refuses %j with one line', async (options, line) => {
    await expect(run(options)).rejects.toThrow(new OpsError(line));
  });

  it('refuses a positional argument', async () => {
    await expect(run({ all: true }, ['orders'])).rejects.toThrow(OpsError);
  });

  it('combines the filters: stream, type and a half-open time range', () => {
    const filter = republishFilter({ positionals: [], options: { stream: 'order-1', type: 'marketplace.orders.OrderConfirmed.v1', since: '2025-01-01T00:00:00Z', until: '2025-01-02T00:00:00Z' } });
    const event = { id: 'e', source: 's', type: 'marketplace.orders.OrderConfirmed.v1', specversion: '1.0' as const, time: '2025-01-01T00:00:00.000Z', subject: '1', datacontenttype: 'application/json' as const, data: {} };
    expect(matchesFilter(filter, 'order-1', event)).toBe(true);
    expect(matchesFilter(filter, 'order-2', event)).toBe(false);
    expect(matchesFilter(filter, 'order-1', { ...event, type: 'marketplace.orders.OrderPlaced.v3' })).toBe(false);
    expect(matchesFilter(filter, 'order-1', { ...event, time: '2025-01-02T00:00:00.000Z' })).toBe(false);
  });
});
