import { h, pageHeading } from '../dom';
import type { Page } from '../page';
import { session } from '../session';

/** Someone signed in who is not an admin: told so, and shown nothing else. */
export const notAdminPage: Page = (root) => {
  root.append(
    h(
      'section',
      { class: 'narrow' },
      pageHeading('Not an admin'),
      h('p', { id: 'not-admin' }, `You are signed in as ${session.me()?.email ?? 'someone'}, who is not an admin. The console is only for admins; sign out to use another account.`),
    ),
  );
};
