import type { ReconcilablePayment } from './reconcilable-payment';
import type { Discrepancy, MismatchedTransaction, Period, ReconciliationReport } from './reconciliation-report';
import type { Statement, StatementLine, StatementStatus } from './statement-line';
import { within } from './statement-period';

/**
 * Compares a provider statement with our payments of that provider, by the provider's reference:
 * a row whose payment agrees in amount, currency and status is matched; one that disagrees is
 * mismatched (with what differs); a row we have no payment for is unknown; a payment we captured
 * within the period that no row names is missing. Pure: the payments are whatever the caller loaded
 * (those the rows name, and those captured within the period).
 */
export function reconcile(statement: Statement, payments: readonly ReconcilablePayment[], period: Period): ReconciliationReport {
  const byReference = new Map(payments.flatMap((payment) => payment.references.map((reference) => [reference, payment] as const)));
  const report: ReconciliationReport = {
    provider: statement.provider,
    period,
    summary: { matched: 0, missing: 0, unknown: 0, mismatched: 0 },
    ignoredRows: statement.ignoredRows,
    matched: [],
    missing: [],
    unknown: [],
    mismatched: [],
  };
  const seen = new Set<string>();
  for (const line of statement.lines) {
    const payment = byReference.get(line.reference);
    const { reference, amount, status, completedAt } = line;
    if (!payment) {
      report.unknown.push({ reference, line: line.line, amount, status, completedAt });
      continue;
    }
    seen.add(payment.paymentId);
    const problems = discrepancies(payment, line, statement.reportsRefunds);
    const ids = { reference, line: line.line, paymentId: payment.paymentId, orderId: payment.orderId };
    if (problems.length === 0) report.matched.push({ ...ids, amount, status, completedAt });
    else report.mismatched.push(mismatch(ids, payment, line, problems));
  }
  for (const payment of payments) {
    if (seen.has(payment.paymentId) || payment.capturedAt === undefined || !within(period, payment.capturedAt)) continue;
    const { paymentId, orderId, amount, status, capturedAt } = payment;
    report.missing.push({ reference: payment.references[0] ?? '', paymentId, orderId, amount, status, capturedAt });
  }
  report.missing.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.paymentId.localeCompare(b.paymentId));
  report.summary = { matched: report.matched.length, missing: report.missing.length, unknown: report.unknown.length, mismatched: report.mismatched.length };
  return report;
}

function discrepancies(payment: ReconcilablePayment, line: StatementLine, reportsRefunds: boolean): Discrepancy[] {
  const problems: Discrepancy[] = [];
  if (payment.amount.amount !== line.amount.amount) problems.push('amount');
  if (payment.amount.currency !== line.amount.currency) problems.push('currency');
  if (!sameStatus(payment.status, line.status, reportsRefunds)) problems.push('status');
  return problems;
}

/** A layout that does not mark refunds shows a payment refunded in full as completed. */
function sameStatus(ours: StatementStatus, theirs: StatementStatus, reportsRefunds: boolean): boolean {
  return ours === theirs || (!reportsRefunds && ours === 'refunded' && theirs === 'completed');
}

function mismatch(ids: Omit<MismatchedTransaction, 'expected' | 'actual' | 'problems'>, payment: ReconcilablePayment, line: StatementLine, problems: Discrepancy[]): MismatchedTransaction {
  return {
    ...ids,
    expected: { amount: payment.amount, status: payment.status },
    actual: { amount: line.amount, status: line.status, completedAt: line.completedAt },
    problems,
  };
}
