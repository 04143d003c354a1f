import { parseLocalTime } from '../statement-time';
import { IGNORED, lineOf, type StatementFormat } from './statement-format';

/** The M-Pesa org portal prints times in Kenyan time (EAT, UTC+3, no daylight saving). */
const EAT_MINUTES = 3 * 60;

/**
 * The M-Pesa org portal's statement export (Receipt No., Completion Time, Initiation Time, Details,
 * Transaction Status, Paid In, Withdrawn, Balance, ...). Only rows with `Paid In` are payments to us;
 * withdrawals (charges, transfers, reversals) are counted as ignored. M-Pesa keeps KES in whole
 * shillings but prints two decimals (`1,500.00`).
 */
export const mpesaStatement: StatementFormat = {
  name: 'mpesa',
  columns: ['Receipt No.', 'Completion Time', 'Transaction Status', 'Paid In', 'Withdrawn'],
  reportsRefunds: false,
  read(row) {
    if (row.text('Paid In') === '') {
      if (row.text('Withdrawn') === '') row.problem('Paid In', 'is empty, and so is Withdrawn');
      return IGNORED;
    }
    return lineOf(row, {
      reference: row.required('Receipt No.'),
      amount: row.money('Paid In', 'KES'),
      status: row.status('Transaction Status', { completed: 'completed', failed: 'failed', cancelled: 'failed', declined: 'failed', pending: 'pending' }),
      completedAt: row.time('Completion Time', (text) => parseLocalTime(text, EAT_MINUTES), '2026-03-01 14:05:09'),
    });
  },
};
