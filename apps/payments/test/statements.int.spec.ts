import { call, type Caller, caller, errorBody } from './http';
import { type PaymentsTestApp, startPayments } from './payments-app';
import { providerPayment } from './statements-payments';

const GENERIC_HEADER = 'reference,amount,currency,status,completed_at';
const kes = (amount: number) => ({ amount, currency: 'KES' });
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('provider statement reconciliation over HTTP', () => {
  let app: PaymentsTestApp;
  let admin: Caller;

  beforeAll(async () => {
    app = await startPayments();
    admin = await caller(app, ['buyer', 'admin']);
  });

  afterAll(async () => {
    await app?.close();
  });

  /** As the admin unless `as` says otherwise (null: without a token). */
  const upload = (query: string, csv: string, as: Caller | null = admin, contentType = 'text/csv') =>
    call(app, 'POST', `/admin/reconciliation/statements?${query}`, { as: as ?? undefined, raw: csv, headers: { 'content-type': contentType } });

  /** Every table payments writes to; a report must change none. */
  async function counts(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const table of ['events', 'payments', 'stripe_webhook_events', 'reconciliation_attempts']) {
      result[table] = (await app.db(table).count<{ count: string }[]>({ count: '*' }))[0].count;
    }
    return result;
  }

  it('reports an M-Pesa statement: matched, mismatched, unknown and missing, within the statement period only', async () => {
    const matched = await providerPayment(app, 'mpesa', { providerPaymentId: 'ws_CO_A', amount: kes(150000), outcome: { capturedAt: '2026-03-01T10:00:05.000Z' } });
    const lessPaid = await providerPayment(app, 'mpesa', { providerPaymentId: 'ws_CO_B', amount: kes(200000), outcome: { capturedAt: '2026-03-01T11:00:03.000Z' } });
    const failed = await providerPayment(app, 'mpesa', { providerPaymentId: 'ws_CO_C', amount: kes(50000), outcome: 'failed' });
    const missing = await providerPayment(app, 'mpesa', { providerPaymentId: 'ws_CO_D', amount: kes(90000), outcome: { capturedAt: '2026-03-01T12:00:00.000Z' } });
    await providerPayment(app, 'mpesa', { providerPaymentId: 'ws_CO_E', amount: kes(10000), outcome: { capturedAt: '2026-03-05T09:00:00.000Z' } });
    await providerPayment(app, 'stripe', { providerPaymentId: 'pi_in_march', amount: usd(4900), outcome: { capturedAt: '2026-03-01T12:00:00.000Z' } });
    await app.caughtUp();
    const csv = [
      GENERIC_HEADER,
      'ws_CO_A,"1,500.00",KES,completed,2026-03-01T10:00:00Z',
      'ws_CO_B,1900.00,KES,completed,2026-03-01T11:00:00Z',
      'ws_CO_C,500,KES,completed,2026-03-01T11:30:00Z',
      'ws_CO_X,700.00,KES,completed,2026-03-01T13:00:00Z',
    ].join('\n');
    const before = await counts();

    const answer = await upload('provider=mpesa', csv);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      provider: 'mpesa',
      period: { from: '2026-03-01T10:00:00.000Z', to: '2026-03-01T13:00:00.000Z' },
      summary: { matched: 1, missing: 1, unknown: 1, mismatched: 2 },
      ignoredRows: 0,
      matched: [{ reference: 'ws_CO_A', line: 2, paymentId: matched, orderId: expect.any(String), amount: kes(150000), status: 'completed', completedAt: '2026-03-01T10:00:00.000Z' }],
      missing: [{ reference: 'ws_CO_D', paymentId: missing, orderId: expect.any(String), amount: kes(90000), status: 'completed', capturedAt: '2026-03-01T12:00:00.000Z' }],
      unknown: [{ reference: 'ws_CO_X', line: 5, amount: kes(70000), status: 'completed', completedAt: '2026-03-01T13:00:00.000Z' }],
      mismatched: [
        {
          reference: 'ws_CO_B',
          line: 3,
          paymentId: lessPaid,
          orderId: expect.any(String),
          expected: { amount: kes(200000), status: 'completed' },
          actual: { amount: kes(190000), status: 'completed', completedAt: '2026-03-01T11:00:00.000Z' },
          problems: ['amount'],
        },
        expect.objectContaining({ reference: 'ws_CO_C', paymentId: failed, expected: { amount: kes(50000), status: 'failed' }, problems: ['status'] }),
      ],
    });
    expect(await counts()).toEqual(before);

    const wholeMonth = await upload('provider=mpesa&from=2026-03-01T00:00:00.000Z&to=2026-03-31T23:59:59.999Z', csv);
    expect(wholeMonth.body.missing.map((row: { reference: string }) => row.reference)).toEqual(['ws_CO_D', 'ws_CO_E']);
  });

  it("reports a Paynow export in Paynow's layout, refunds included", async () => {
    const paid = await providerPayment(app, 'paynow', { providerPaymentId: '16830391', amount: usd(2510), outcome: { capturedAt: '2026-04-01T08:00:02.000Z' } });
    const refunded = await providerPayment(app, 'paynow', { providerPaymentId: '16830392', amount: usd(500), outcome: { capturedAt: '2026-04-01T09:00:02.000Z', refunded: usd(500) } });
    await app.caughtUp();
    const csv = 'Date,Reference,Paynow Reference,Amount,Status\r\n2026-04-01 10:00:00,order-1,16830391,25.10,Paid\r\n2026-04-01 11:00:00,order-2,16830392,5.00,Refunded\r\n';

    const answer = await upload('provider=paynow', csv);

    expect(answer.status).toBe(200);
    expect(answer.body.summary).toEqual({ matched: 2, missing: 0, unknown: 0, mismatched: 0 });
    expect(answer.body.matched.map((row: { paymentId: string; status: string }) => [row.paymentId, row.status])).toEqual([
      [paid, 'completed'],
      [refunded, 'refunded'],
    ]);
  });

  it('lets only admins reconcile', async () => {
    const csv = `${GENERIC_HEADER}\npi_1,1.00,EUR,completed,2026-03-01T10:00:00Z\n`;
    expect(await upload('provider=stripe', csv, null)).toEqual({ status: 401, body: errorBody('unauthenticated') });
    expect(await upload('provider=stripe', csv, await caller(app, ['buyer', 'seller']))).toEqual({ status: 403, body: errorBody('forbidden') });
  });

  it('describes the CSV body in the OpenAPI document', async () => {
    const document = await call(app, 'GET', '/openapi.json');
    const operation = document.body.paths['/admin/reconciliation/statements'].post;
    expect(Object.keys(operation.requestBody.content)).toEqual(['text/csv']);
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual(['from', 'provider', 'to']);
  });

  describe('bad input: a standard 4xx, nothing written', () => {
    const good = `${GENERIC_HEADER}\npi_1,1.00,EUR,completed,2026-03-01T10:00:00Z\n`;
    const manyRows = [GENERIC_HEADER, ...Array.from({ length: 50_001 }, (_, i) => `pi_${i},1.00,EUR,completed,2026-03-01T10:00:00Z`)].join('\n');
    const cases: [string, () => Promise<{ status: number; body: unknown }>, number, string][] = [
      ['JSON instead of CSV', () => upload('provider=stripe', JSON.stringify({ reference: 'pi_1' }), admin, 'application/json'), 415, 'unsupported_media_type'],
      ['a form instead of CSV', () => upload('provider=stripe', 'reference=pi_1', admin, 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
      ['no body', () => call(app, 'POST', '/admin/reconciliation/statements?provider=stripe', { as: admin }), 415, 'unsupported_media_type'],
      ['more than 5 MB', () => upload('provider=stripe', good + 'x'.repeat(5 * 1024 * 1024)), 413, 'payload_too_large'],
      ['more than 50,000 rows', () => upload('provider=stripe', manyRows), 400, 'statement_too_large'],
      ['an unknown provider', () => upload('provider=tigopesa', good), 400, 'validation_failed'],
      ['no provider', () => upload('', good), 400, 'validation_failed'],
      ['a period end that is no UTC time', () => upload('provider=stripe&to=31-03-2026', good), 400, 'validation_failed'],
      ['an unknown query parameter', () => upload('provider=stripe&format=xlsx', good), 400, 'validation_failed'],
      ['a period that ends before it starts', () => upload('provider=stripe&from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', good), 400, 'invalid_period'],
      ['an empty file', () => upload('provider=stripe', ''), 400, 'malformed_statement'],
      ['an M-Pesa export for Stripe', () => upload('provider=stripe', '"Receipt No.","Completion Time","Transaction Status","Paid In","Withdrawn"\n'), 400, 'malformed_statement'],
      ['broken quoting', () => upload('provider=stripe', `${GENERIC_HEADER}\n"pi_1,1.00,EUR,completed,2026-03-01T10:00:00Z\n`), 400, 'malformed_statement'],
    ];

    it.each(cases)('%s', async (_name, send, status, code) => {
      const before = await counts();
      expect(await send()).toEqual({ status, body: errorBody(code) });
      expect(await counts()).toEqual(before);
    });

    it('names the line and the field of each malformed row', async () => {
      const csv = [GENERIC_HEADER, 'pi_1,1.00,EUR,completed,2026-03-01T10:00:00Z', 'pi_2,1.005,EUR,completed,2026-03-01T10:00:00Z', 'pi_3,1.00,EUR,done,yesterday'].join('\n');
      const answer = await upload('provider=stripe', csv);
      expect(answer).toEqual({ status: 400, body: errorBody('malformed_statement') });
      expect(answer.body.error.details).toEqual([
        { field: 'line 3: amount', message: expect.stringContaining('more decimals than EUR has (2)') },
        { field: 'line 4: status', message: expect.stringContaining('"done"') },
        { field: 'line 4: completed_at', message: expect.stringContaining('"yesterday"') },
      ]);
    });
  });
});
