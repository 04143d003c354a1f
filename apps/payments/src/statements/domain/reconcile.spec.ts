import type { ReconcilablePayment } from './reconcilable-payment';
import { reconcile } from './reconcile';
import type { Statement, StatementLine } from './statement-line';
import { statementPeriod } from './statement-period';

const kes = (amount: number) => ({ amount, currency: 'KES' });
const line = (n: number, reference: string, amount = kes(150000), status: StatementLine['status'] = 'completed', completedAt = '2026-03-01T10:00:00.000Z'): StatementLine => ({
  line: n,
  reference,
  amount,
  status,
  completedAt,
});
const payment = (id: string, references: string[], overrides: Partial<ReconcilablePayment> = {}): ReconcilablePayment => ({
  paymentId: `payment-${id}`,
  orderId: `order-${id}`,
  references,
  amount: kes(150000),
  status: 'completed',
  capturedAt: '2026-03-01T10:00:05.000Z',
  ...overrides,
});
const statement = (lines: StatementLine[], reportsRefunds = false): Statement => ({ provider: 'mpesa', lines, ignoredRows: 0, reportsRefunds });
const MARCH = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.000Z' };

describe('reconcile', () => {
  it('sorts each row and payment into matched, mismatched, unknown and missing', () => {
    const report = reconcile(
      statement([line(2, 'RCPT1'), line(3, 'RCPT2', kes(140000)), line(4, 'RCPT9'), line(5, 'ws_CO_3', kes(150000), 'failed')]),
      [
        payment('1', ['ws_CO_1', 'RCPT1']),
        payment('2', ['ws_CO_2', 'RCPT2']),
        payment('3', ['ws_CO_3']),
        payment('4', ['ws_CO_4'], { capturedAt: '2026-03-02T08:00:00.000Z' }),
      ],
      MARCH,
    );
    expect(report.summary).toEqual({ matched: 1, missing: 1, unknown: 1, mismatched: 2 });
    expect(report.matched).toEqual([{ reference: 'RCPT1', line: 2, paymentId: 'payment-1', orderId: 'order-1', amount: kes(150000), status: 'completed', completedAt: '2026-03-01T10:00:00.000Z' }]);
    expect(report.mismatched).toEqual([
      {
        reference: 'RCPT2',
        line: 3,
        paymentId: 'payment-2',
        orderId: 'order-2',
        expected: { amount: kes(150000), status: 'completed' },
        actual: { amount: kes(140000), status: 'completed', completedAt: '2026-03-01T10:00:00.000Z' },
        problems: ['amount'],
      },
      expect.objectContaining({ reference: 'ws_CO_3', problems: ['status'] }),
    ]);
    expect(report.unknown).toEqual([{ reference: 'RCPT9', line: 4, amount: kes(150000), status: 'completed', completedAt: '2026-03-01T10:00:00.000Z' }]);
    expect(report.missing).toEqual([{ reference: 'ws_CO_4', paymentId: 'payment-4', orderId: 'order-4', amount: kes(150000), status: 'completed', capturedAt: '2026-03-02T08:00:00.000Z' }]);
  });

  it('lists every difference of a row: amount, currency and status together', () => {
    const report = reconcile(statement([line(2, 'pi_1', { amount: 4900, currency: 'USD' }, 'pending')]), [payment('1', ['pi_1'], { amount: { amount: 4800, currency: 'EUR' } })], MARCH);
    expect(report.mismatched[0].problems).toEqual(['amount', 'currency', 'status']);
  });

  it('counts a payment captured at either end of the period as missing, and one a millisecond outside as not', () => {
    const at = (id: string, capturedAt: string) => payment(id, [`ws_CO_${id}`], { capturedAt });
    const report = reconcile(
      statement([]),
      [at('from', MARCH.from), at('to', MARCH.to), at('before', '2026-02-28T23:59:59.999Z'), at('after', '2026-03-31T23:59:59.001Z'), payment('open', ['ws_CO_open'], { status: 'pending', capturedAt: undefined })],
      MARCH,
    );
    expect(report.missing.map((missing) => missing.paymentId)).toEqual(['payment-from', 'payment-to']);
  });

  it('matches refunds where the layout reports them, and a refunded payment as completed where it does not (M-Pesa)', () => {
    const refunded = payment('1', ['pi_1'], { status: 'refunded' });
    expect(reconcile(statement([line(2, 'pi_1', kes(150000), 'refunded')], true), [refunded], MARCH).summary.matched).toBe(1);
    expect(reconcile(statement([line(2, 'pi_1')], true), [refunded], MARCH).mismatched[0].problems).toEqual(['status']);
    expect(reconcile(statement([line(2, 'pi_1')], false), [refunded], MARCH).summary.matched).toBe(1);
    expect(reconcile(statement([line(2, 'pi_1', kes(150000), 'refunded')], true), [payment('1', ['pi_1'])], MARCH).mismatched[0].problems).toEqual(['status']);
  });

  it('matches failed and pending rows with payments in the same state', () => {
    const report = reconcile(
      statement([line(2, 'a', kes(150000), 'failed'), line(3, 'b', kes(150000), 'pending')]),
      [payment('a', ['a'], { status: 'failed', capturedAt: undefined }), payment('b', ['b'], { status: 'pending', capturedAt: undefined })],
      MARCH,
    );
    expect(report.summary).toEqual({ matched: 2, missing: 0, unknown: 0, mismatched: 0 });
  });
});

describe('statementPeriod', () => {
  it('spans the first and last transaction unless the admin gives the ends', () => {
    const lines = [line(2, 'a', kes(1), 'completed', '2026-03-05T00:00:00.000Z'), line(3, 'b', kes(1), 'completed', '2026-03-01T00:00:00.000Z')];
    expect(statementPeriod(lines)).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-05T00:00:00.000Z' });
    expect(statementPeriod(lines, { from: MARCH.from })).toEqual({ from: MARCH.from, to: '2026-03-05T00:00:00.000Z' });
    expect(statementPeriod([], MARCH)).toEqual(MARCH);
  });

  it('refuses an empty statement without a period and a period that ends before it starts', () => {
    expect(() => statementPeriod([])).toThrow(expect.objectContaining({ code: 'invalid_period' }));
    expect(() => statementPeriod([], { from: MARCH.to, to: MARCH.from })).toThrow(expect.objectContaining({ code: 'invalid_period' }));
  });
});
