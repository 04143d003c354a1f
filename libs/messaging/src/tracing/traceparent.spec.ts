import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { currentTraceparent, withTraceparent } from './traceparent';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('traceparent helpers', () => {
  beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
  afterAll(() => context.disable());

  it('has no traceparent outside a trace', () => {
    expect(currentTraceparent()).toBeUndefined();
  });

  it('continues the given trace inside withTraceparent, also across awaits', async () => {
    const seen = await withTraceparent(TRACEPARENT, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { traceparent: currentTraceparent(), traceId: trace.getSpanContext(context.active())?.traceId };
    });
    expect(seen).toEqual({ traceparent: TRACEPARENT, traceId: '0af7651916cd43dd8448eb211c80319c' });
    expect(currentTraceparent()).toBeUndefined();
  });

  it('runs the function as is without a traceparent', () => {
    expect(withTraceparent(undefined, () => currentTraceparent())).toBeUndefined();
  });
});
