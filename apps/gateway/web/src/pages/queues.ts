import { announce, reporting } from '../alerts';
import { get, post } from '../api';
import type { Delivery, DisputeDecision, DisputeSummary, Page as ListPage, SellerApplication } from '../contract';
import { h, pageHeading, tableOr } from '../dom';
import { formatMoney, formatTime, parseMoneyInput } from '../format';
import type { Page } from '../page';

/** The work waiting for a person: seller applications, open disputes, failed notifications. */
export const queuesPage: Page = (root) => {
  const applications = h('div');
  const disputes = h('div');
  const deliveries = h('div');
  /** Disputes decided here: the list is a projection that may still show them open for a moment. */
  const decided = new Set<string>();

  /** Runs an admin's decision, says what it did (from the API's answer), and reads its queue again. */
  const act = <T>(action: () => Promise<T>, done: (answer: T) => string, reload: () => Promise<void>): Promise<void> =>
    reporting(async () => {
      announce(done(await action()));
      await reload();
    }).then(() => undefined);

  const loadApplications = (): Promise<void> =>
    reporting(async () => {
      const { items } = await get<ListPage<SellerApplication>>('admin/seller-applications', { status: 'submitted', limit: 100 });
      applications.replaceChildren(
        tableOr(
          'No applications are waiting.',
          'Seller applications waiting for a decision',
          ['Business', 'Country', 'Applicant', 'Submitted', 'Reason to reject', 'Decision'],
          items.map((application) => {
            const reason = h('input', { id: `reject-reason-${application.id}`, 'aria-label': `Reason to reject ${application.businessName}` });
            const decide = (decision: 'approve' | 'reject'): Promise<void> =>
              act(() => post(`admin/seller-applications/${application.id}/${decision}`, decision === 'reject' ? { reason: reason.value.trim() } : {}), () => `${application.businessName} ${decision === 'approve' ? 'approved' : 'rejected'}.`, loadApplications);
            return [
              application.businessName,
              application.country,
              application.applicant?.email ?? application.contact.email ?? '–',
              formatTime(application.submittedAt),
              reason,
              h(
                'span',
                { class: 'actions' },
                h('button', { type: 'button', 'aria-label': `Approve ${application.businessName}`, onclick: () => void decide('approve') }, 'Approve'),
                h('button', { type: 'button', class: 'secondary', 'aria-label': `Reject ${application.businessName}`, onclick: () => void decide('reject') }, 'Reject'),
              ),
            ];
          }),
        ),
      );
    });

  const loadDisputes = (): Promise<void> =>
    reporting(async () => {
      const { items } = await get<ListPage<DisputeSummary>>('disputes', { status: 'open', limit: 100 });
      disputes.replaceChildren(
        tableOr(
          'No open disputes.',
          'Open disputes',
          ['Order', 'Kind', 'Reason', 'Disputed', 'Opened', 'Decision', 'Amount', 'Note', 'Resolve'],
          items.filter((dispute) => !decided.has(dispute.disputeId)).map((dispute) => {
            const label = `dispute of order ${dispute.orderId.slice(0, 8)}`;
            const decision = h(
              'select',
              { 'aria-label': `Decision on the ${label}` },
              h('option', { value: 'refund' }, 'Refund'),
              h('option', { value: 'reject' }, 'Reject'),
              h('option', { value: 'request_return' }, 'Request the goods back'),
            );
            const { currency } = dispute.disputedTotal;
            // Left blank, a refund (or a return's refund on receipt) is the disputed total.
            const amount = h('input', { 'aria-label': `Amount in ${currency} to refund on the ${label} (blank: all of ${formatMoney(dispute.disputedTotal)})`, inputmode: 'decimal', size: 6 });
            const note = h('input', { 'aria-label': `Note on the ${label}`, size: 14 });
            const resolve = (): Promise<void> =>
              act(
                async () => {
                  const refund = amount.value.trim() === '' || decision.value === 'reject' ? undefined : parseMoneyInput(amount.value, currency);
                  if (refund instanceof Error) throw refund;
                  const body = { decision: decision.value, ...(refund !== undefined && { amount: { amount: refund, currency } }), ...(note.value.trim() && { note: note.value.trim() }) };
                  const answer = await post<DisputeDecision>(`admin/disputes/${dispute.disputeId}/resolve`, body);
                  decided.add(dispute.disputeId);
                  return answer;
                },
                (answer) => `The ${label}: ${outcome(answer)}.`,
                loadDisputes,
              );
            return [
              dispute.orderId.slice(0, 8),
              dispute.kind,
              dispute.reason,
              formatMoney(dispute.disputedTotal),
              formatTime(dispute.openedAt),
              decision,
              amount,
              note,
              h('button', { type: 'button', 'aria-label': `Resolve the ${label}`, onclick: () => void resolve() }, 'Resolve'),
            ];
          }),
        ),
      );
    });

  const loadDeliveries = (): Promise<void> =>
    reporting(async () => {
      const { items } = await get<ListPage<Delivery>>('admin/notifications/deliveries', { status: 'failed', limit: 100 });
      deliveries.replaceChildren(
        tableOr(
          'No failed notifications.',
          'Failed notifications',
          ['Channel', 'Template', 'To', 'Attempts', 'Failed at', 'Last error', 'Action'],
          items.map((delivery) => [
            delivery.channel,
            delivery.template,
            delivery.address ?? '–',
            delivery.attempts,
            formatTime(delivery.failedAt),
            h('span', { class: 'error-text' }, delivery.lastError ?? '–'),
            h('button', { type: 'button', 'aria-label': `Retry the ${delivery.template} ${delivery.channel} to ${delivery.address ?? 'its recipient'}`, onclick: () => void act(() => post(`admin/notifications/deliveries/${delivery.id}/retry`), () => `The ${delivery.template} notification is queued again.`, loadDeliveries) }, 'Retry'),
          ]),
        ),
      );
    });

  const loadAll = (): void => {
    void loadApplications();
    void loadDisputes();
    void loadDeliveries();
  };

  root.append(
    pageHeading('Queues'),
    // New work arrives while the page is open; the queues are read again on request.
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: loadAll }, 'Refresh the queues')),
    h('section', { 'aria-labelledby': 'applications-heading' }, h('h2', { id: 'applications-heading' }, 'Seller applications'), applications),
    h('section', { 'aria-labelledby': 'disputes-heading' }, h('h2', { id: 'disputes-heading' }, 'Open disputes'), disputes),
    h('section', { 'aria-labelledby': 'deliveries-heading' }, h('h2', { id: 'deliveries-heading' }, 'Failed notifications'), deliveries),
  );
  loadAll();
};

/** What a decision on a dispute came to, as its answer says. */
function outcome(answer: DisputeDecision): string {
  if (answer.status === 'return_requested') return `the goods are requested back${answer.refundOnReceipt ? `, ${formatMoney(answer.refundOnReceipt)} refunded on receipt` : ''}`;
  const refund = answer.resolution?.refund;
  return `${answer.resolution?.outcome ?? answer.status}${refund ? ` (${formatMoney(refund)})` : ''}`;
}
