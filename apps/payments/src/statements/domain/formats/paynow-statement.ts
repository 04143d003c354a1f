import { parseLocalTime } from '../statement-time';
import { lineOf, type StatementFormat } from './statement-format';

/** Paynow prints times in Zimbabwe's time (CAT, UTC+2, no daylight saving). */
const CAT_MINUTES = 2 * 60;

/**
 * Paynow's transaction export. Paynow publishes no layout for it, so the columns are named after the
 * fields of its status update (reference, paynowreference, amount, status) plus the date; `Currency`
 * is read when present, else USD (a ZWG payment then shows as a currency mismatch, never as matched).
 * Statuses are Paynow's own.
 */
export const paynowStatement: StatementFormat = {
  name: 'paynow',
  columns: ['Date', 'Reference', 'Paynow Reference', 'Amount', 'Status'],
  reportsRefunds: true,
  read(row) {
    const currency = row.has('Currency') ? row.required('Currency') : 'USD';
    if (currency !== undefined && currency !== 'USD' && currency !== 'ZWG') row.problem('Currency', `"${currency}" is not USD or ZWG`);
    return lineOf(row, {
      reference: row.required('Paynow Reference'),
      amount: currency === 'USD' || currency === 'ZWG' ? row.money('Amount', currency) : undefined,
      status: row.status('Status', {
        paid: 'completed',
        'awaiting delivery': 'completed',
        delivered: 'completed',
        created: 'pending',
        sent: 'pending',
        cancelled: 'failed',
        failed: 'failed',
        refunded: 'refunded',
      }),
      completedAt: row.time('Date', (text) => parseLocalTime(text, CAT_MINUTES), '2026-03-01 14:05:09'),
    });
  },
};
