import { reporting } from '../alerts';
import { get } from '../api';
import type { AuditEntry, Page as ListPage } from '../contract';
import { h, pageHeading, tableOr } from '../dom';
import { formatTime } from '../format';
import type { Page } from '../page';

/** What admins did through the ops API, newest first, a page at a time. */
export const auditPage: Page = (root) => {
  const entries: AuditEntry[] = [];
  let cursor: string | null | undefined;
  const list = h('div');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more');

  const load = (): Promise<void> =>
    reporting(async () => {
      const page = await get<ListPage<AuditEntry>>('admin/ops/audit', { cursor: cursor ?? undefined });
      entries.push(...page.items);
      cursor = page.nextCursor;
      more.hidden = !cursor;
      list.replaceChildren(
        tableOr(
          'Nothing has been done through the ops API yet.',
          'Ops audit',
          ['At', 'Action', 'Outcome', 'Admin', 'Target', 'Details'],
          entries.map((entry) => [formatTime(entry.at), entry.action, entry.outcome ?? '–', entry.adminId, entry.target ?? '–', h('code', {}, entry.details === null || entry.details === undefined ? '–' : JSON.stringify(entry.details))]),
        ),
      );
    });

  more.addEventListener('click', () => void load());
  root.append(pageHeading('Audit'), list, more);
  void load();
};
