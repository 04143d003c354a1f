import { z } from 'zod';
import { eventExamples } from './examples';
import { eventTypes, marketplaceEvents, parseCloudEvent, type EventType } from './registry';
import { ALL_TOPICS } from './topics';

const types = Object.keys(eventTypes) as EventType[];
const clone = <T>(value: T): T => structuredClone(value);

/** Paths (in `value`) of every object shaped like money. */
function moneyPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => moneyPaths(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const keys = Object.keys(value);
  if (keys.length === 2 && keys.includes('amount') && keys.includes('currency')) return [path];
  return Object.entries(value).flatMap(([key, child]) => moneyPaths(child, [...path, key]));
}

function at(value: unknown, path: (string | number)[]): Record<string, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value) as Record<string, unknown>;
}

/** Every property name in a JSON Schema, at any depth. */
function propertyNames(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(propertyNames);
  if (node === null || typeof node !== 'object') return [];
  const own = 'properties' in node ? Object.keys(node.properties as object) : [];
  return [...own, ...Object.values(node).flatMap(propertyNames)];
}

describe('event schemas', () => {
  it('cover the event set of the design, one definition per type', () => {
    const names = [...new Set(types.map((type) => eventTypes[type].name))].sort();
    expect(names).toEqual(
      [
        'UserRegistered', 'UserProfileChanged', 'EmailVerificationRequested', 'EmailVerified', 'PasswordResetRequested', 'RoleGranted',
        'SellerApplicationSubmitted', 'SellerApproved', 'SellerRejected', 'UserDeactivated', 'MfaEnabled', 'MfaDisabled',
        'CategoryCreated', 'CategoryMoved', 'CategoryRenamed', 'ProductCreated', 'ProductUpdated',
        'ProductPriceChanged', 'ProductPublished', 'ProductArchived', 'ReviewPosted',
        'StockAdjusted', 'StockReserved', 'StockReservationFailed', 'StockReleased', 'StockCommitted',
        'OrderPlaced', 'OrderPaymentRequested', 'OrderConfirmed', 'OrderCancelled', 'OrderLineShipped',
        'OrderDelivered', 'OrderDisputeWindowClosed', 'OrderRefunded',
        'DisputeOpened', 'DisputeResponded', 'DisputeReturnRequested', 'DisputeResolved',
        'PaymentInitiated', 'PaymentRequiresAction', 'PaymentCaptured', 'PaymentFailed', 'RefundIssued',
        'ChargebackOpened', 'ChargebackClosed', 'SellerPayoutScheduled', 'SellerPayoutPaid', 'SellerPayoutFailed',
        'NotificationDelivered', 'NotificationFailed',
        'OpsActionRecorded',
      ].sort(),
    );
  });

  describe.each(types)('%s', (type) => {
    const definition = eventTypes[type];
    const example = eventExamples[type] as Record<string, unknown>;

    it('is named marketplace.<context>.<Event>.v<N> and published on a topic of its context', () => {
      expect(type).toBe(`marketplace.${definition.context}.${definition.name}.v${definition.version}`);
      expect(ALL_TOPICS).toContain(definition.topic);
      expect(definition.topic.split('.')[0]).toBe(definition.context);
      expect(definition.description.length).toBeGreaterThan(10);
    });

    it('accepts its example, whose aggregate id is a string', () => {
      expect(definition.schema.parse(example)).toEqual(example);
      expect(typeof example[definition.aggregateId]).toBe('string');
    });

    it('rejects the example without any one of its required fields', () => {
      const required = (z.toJSONSchema(definition.schema) as { required: string[] }).required;
      expect(required).toContain(definition.aggregateId);
      for (const field of required) {
        const { [field]: _removed, ...rest } = example;
        expect({ field, accepted: definition.schema.safeParse(rest).success }).toEqual({ field, accepted: false });
      }
    });

    it('rejects an unknown field (producers send exactly the schema)', () => {
      expect(definition.schema.safeParse({ ...example, unexpected: 1 }).success).toBe(false);
    });

    it('rejects a non-UTC or malformed time', () => {
      const timeFields = Object.keys(example).filter((key) => key.endsWith('At'));
      expect(timeFields.length).toBeGreaterThan(0);
      for (const field of timeFields) {
        for (const bad of ['2026-03-01T13:00:00+01:00', '2026-03-01', 'yesterday']) {
          expect(definition.schema.safeParse({ ...example, [field]: bad }).success).toBe(false);
        }
      }
    });

    it('rejects negative, fractional and lower-case-currency money wherever money appears', () => {
      for (const path of moneyPaths(example)) {
        for (const bad of [{ amount: -100 }, { amount: 10.5 }, { currency: 'eur' }]) {
          const mutated = clone(example);
          Object.assign(at(mutated, path), bad);
          expect({ path, bad, accepted: definition.schema.safeParse(mutated).success }).toEqual({ path, bad, accepted: false });
        }
      }
    });

    it('carries no password, hash, token or secret', () => {
      const names = propertyNames(z.toJSONSchema(definition.schema));
      expect(names).toContain(definition.aggregateId);
      for (const key of names) expect(key).not.toMatch(/password|hash|token|secret/i);
    });
  });

  it('keep every superseded version readable: each older version has an upcaster to the next', () => {
    for (const type of types) {
      const { context, name, version } = eventTypes[type];
      const newer = types.some((other) => eventTypes[other].context === context && eventTypes[other].name === name && eventTypes[other].version > version);
      expect({ type, upcast: newer ? marketplaceEvents.latestVersionOf(type) !== type : true }).toEqual({ type, upcast: true });
    }
  });

  it('find every money field of an order (lines and total; v2 adds subtotal, shipping and tax)', () => {
    expect(moneyPaths(eventExamples['marketplace.orders.OrderPlaced.v1'])).toHaveLength(5);
    expect(moneyPaths(eventExamples['marketplace.orders.OrderPlaced.v2'])).toHaveLength(8);
  });

  describe('OrderPlaced v2 totals', () => {
    const { schema } = eventTypes['marketplace.orders.OrderPlaced.v2'];
    const example = eventExamples['marketplace.orders.OrderPlaced.v2'];
    const failures = (order: typeof example) =>
      schema.safeParse(order).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

    it('refuses a subtotal that is not the sum of the lines', () => {
      expect(failures({ ...example, subtotal: { amount: 1, currency: 'EUR' } })).toEqual([
        { path: 'subtotal', message: 'subtotal must equal the sum of the line totals' },
        { path: 'total', message: 'total must equal subtotal + shipping + tax' },
      ]);
    });

    it('refuses a total that is not subtotal + shipping + tax', () => {
      expect(failures({ ...example, tax: { amount: 0, currency: 'EUR' } })).toEqual([{ path: 'total', message: 'total must equal subtotal + shipping + tax' }]);
    });

    it('refuses shipping in another currency', () => {
      expect(failures({ ...example, shipping: { amount: 499, currency: 'USD' } })).toEqual([{ path: 'shipping.currency', message: 'must be the order currency' }]);
    });
  });

  describe('reading v1 orders events as the latest version', () => {
    const envelope = { id: 'e-1', source: 'marketplace/orders', specversion: '1.0', time: '2026-03-01T12:00:00.000Z', subject: 'o', datacontenttype: 'application/json' };

    it('gives a v1 OrderPlaced zero shipping and tax, its total as the subtotal', () => {
      const v1 = eventExamples['marketplace.orders.OrderPlaced.v1'];
      const parsed = parseCloudEvent({ ...envelope, type: 'marketplace.orders.OrderPlaced.v1', data: v1 });
      expect(parsed.type).toBe('marketplace.orders.OrderPlaced.v3');
      expect(parsed.data).toMatchObject({ subtotal: v1.total, shipping: { amount: 0, currency: 'EUR' }, tax: { amount: 0, currency: 'EUR' }, total: v1.total });
    });

    it.each([
      ['stock_unavailable', 'out_of_stock'],
      ['buyer_cancelled', 'by_buyer'],
      ['admin_cancelled', 'by_admin'],
      ['payment_timeout', 'payment_timeout'],
    ] as const)('maps the v1 cancellation reason %s to %s', (v1Reason, v2Reason) => {
      const data = { ...eventExamples['marketplace.orders.OrderCancelled.v1'], reason: v1Reason };
      const parsed = parseCloudEvent({ ...envelope, type: 'marketplace.orders.OrderCancelled.v1', data });
      expect(parsed).toMatchObject({ type: 'marketplace.orders.OrderCancelled.v2', data: { reason: v2Reason } });
    });
  });

  describe('OrderPlaced figures', () => {
    const { schema } = eventTypes['marketplace.orders.OrderPlaced.v1'];
    const example = eventExamples['marketplace.orders.OrderPlaced.v1'];
    const failures = (order: typeof example) =>
      schema.safeParse(order).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

    it('refuses a total that is not the sum of the lines', () => {
      expect(failures({ ...example, total: { amount: 1, currency: 'EUR' } })).toEqual([
        { path: 'total', message: 'total must equal the sum of the line totals' },
      ]);
    });

    it('refuses a line total that is not unit price x quantity', () => {
      const order = clone(example);
      order.lines[0].quantity = 3;
      expect(failures(order)).toEqual([{ path: 'lines.0.lineTotal', message: 'lineTotal must equal unitPrice x quantity' }]);
    });

    it('refuses a line in another currency', () => {
      const order = clone(example);
      order.lines[1].unitPrice.currency = 'USD';
      expect(failures(order)).toEqual([{ path: 'lines.1', message: 'every price must be in the order currency' }]);
    });

    it('refuses two lines for one product', () => {
      const order = clone(example);
      order.lines[1].productId = order.lines[0].productId;
      expect(failures(order)).toEqual([{ path: 'lines.1.productId', message: 'one line per product' }]);
    });

    it('refuses an order without lines', () => {
      expect(failures({ ...example, lines: [], total: { amount: 0, currency: 'EUR' } })?.map((f) => f.path)).toEqual(['lines']);
    });
  });
});
