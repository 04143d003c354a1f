import { clearAlerts } from './alerts';
import type { Page } from './page';

/**
 * A router on `location.hash` (`#/overview`): the page of the hash is drawn into `main` when the hash
 * changes, after the previous page is stopped. `guard` may send to another route (sign-in) first.
 */
export function startRouter(main: HTMLElement, pages: Record<string, Page>, guard: (route: string) => string): void {
  let leave: (() => void) | void;
  const show = (): void => {
    const asked = location.hash.replace(/^#\/?/, '');
    const route = guard(asked);
    if (route !== asked) {
      // Replaced, not pushed, so Back does not lead to a page the guard refuses.
      history.replaceState(null, '', `#/${route}`);
    }
    leave?.();
    clearAlerts();
    main.replaceChildren();
    leave = (pages[route] ?? pages[guard('')])(main);
    markCurrentLink(route);
    main.querySelector<HTMLElement>('h1')?.focus();
  };
  window.addEventListener('hashchange', show);
  show();
}

/** Re-reads the hash, for when who is signed in changed. */
export function go(route: string): void {
  if (location.hash === `#/${route}`) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = `#/${route}`;
}

function markCurrentLink(route: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    if (link.getAttribute('href') === `#/${route}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
