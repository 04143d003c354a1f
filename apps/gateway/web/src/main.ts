import { post, whenSessionEnds } from './api';
import { analyticsPage } from './pages/analytics';
import { auditPage } from './pages/audit';
import { notAdminPage } from './pages/not-admin';
import { overviewPage } from './pages/overview';
import { queuesPage } from './pages/queues';
import { servicesPage } from './pages/services';
import { signInPage } from './pages/sign-in';
import { streamsPage } from './pages/streams';
import type { Page } from './page';
import { go, startRouter } from './router';
import { session } from './session';

const ADMIN_PAGES: Record<string, Page> = { overview: overviewPage, analytics: analyticsPage, services: servicesPage, streams: streamsPage, queues: queuesPage, audit: auditPage };
const PAGES: Record<string, Page> = { ...ADMIN_PAGES, 'sign-in': signInPage, 'not-admin': notAdminPage };

/** Who may see what: nobody signed in sees sign-in, a signed-in non-admin only that they are not one. */
function guard(route: string): string {
  if (!session.tokens()) return 'sign-in';
  if (!session.isAdmin()) return 'not-admin';
  return route in ADMIN_PAGES ? route : 'overview';
}

function syncHeader(): void {
  (document.getElementById('nav') as HTMLElement).hidden = !session.isAdmin();
  (document.getElementById('sign-out') as HTMLElement).hidden = !session.tokens();
}

async function signOut(): Promise<void> {
  const refreshToken = session.tokens()?.refreshToken;
  session.end();
  syncHeader();
  go('sign-in');
  // The refresh token is revoked on the server too; the console has forgotten it either way.
  if (refreshToken) await post('auth/logout', { refreshToken }).catch(() => undefined);
}

document.getElementById('sign-out')?.addEventListener('click', () => void signOut());
whenSessionEnds(() => {
  syncHeader();
  go('sign-in');
});
window.addEventListener('hashchange', syncHeader);
syncHeader();
startRouter(document.getElementById('main') as HTMLElement, PAGES, guard);
