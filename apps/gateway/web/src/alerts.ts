import { ApiError } from './api';
import { h } from './dom';

const region = (): HTMLElement => document.getElementById('alerts') as HTMLElement;
const status = (): HTMLElement => document.getElementById('status') as HTMLElement;

/** Shows an error in the page's role="alert" region (read out at once by screen readers), with its code and request id when the API gave them. */
export function showError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const detail = error instanceof ApiError ? [error.status ? `HTTP ${error.status}` : '', error.code, error.requestId ? `request ${error.requestId}` : ''].filter(Boolean).join(', ') : '';
  region().replaceChildren(h('p', { class: 'alert' }, h('strong', {}, 'Error: '), message, detail && h('span', { class: 'alert-detail' }, ` (${detail})`)));
}

/** Says what an action did, in the polite role="status" region; it replaces any error shown. */
export function announce(message: string): void {
  region().replaceChildren();
  status().replaceChildren(h('p', {}, message));
}

export function clearAlerts(): void {
  region().replaceChildren();
  status().replaceChildren();
}

/** Runs an action, showing any error it throws instead of letting it escape. */
export async function reporting<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  }
}
