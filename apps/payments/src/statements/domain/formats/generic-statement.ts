import { parseIsoTime } from '../statement-time';
import { lineOf, type StatementFormat } from './statement-format';

const CURRENCY = /^[A-Z]{3}$/;

/** `reference,amount,currency,status,completed_at`: for Stripe, and for any provider's file an admin prepares. */
export const genericStatement: StatementFormat = {
  name: 'generic',
  columns: ['reference', 'amount', 'currency', 'status', 'completed_at'],
  reportsRefunds: true,
  read(row) {
    const currency = row.required('currency');
    const known = currency !== undefined && CURRENCY.test(currency);
    if (currency !== undefined && !known) row.problem('currency', `"${currency}" is not an ISO 4217 code such as KES`);
    return lineOf(row, {
      reference: row.required('reference'),
      amount: known ? row.money('amount', currency) : undefined,
      status: row.status('status', { completed: 'completed', failed: 'failed', pending: 'pending', refunded: 'refunded' }),
      completedAt: row.time('completed_at', parseIsoTime, '2026-03-01T12:00:00Z'),
    });
  },
};
