import { reporting } from '../alerts';
import { get, post } from '../api';
import { field, h, pageHeading } from '../dom';
import type { Page } from '../page';
import { go } from '../router';
import { type Me, session, type Tokens } from '../session';

type LoginAnswer = Tokens | { mfaRequired: true; challenge: string; expiresAt: string };

/** Email and password; then, when identity asks for it, the code of the authenticator app. */
export const signInPage: Page = (root) => {
  const email = h('input', { id: 'email', type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', {}, field('Email', email), field('Password', password), submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    void reporting(async () => {
      const answer = await post<LoginAnswer>('auth/login', { email: email.value, password: password.value });
      if ('mfaRequired' in answer) askForCode(root, answer.challenge);
      else await begin(answer);
    }).finally(() => (submit.disabled = false));
  });
  root.append(h('section', { class: 'narrow' }, pageHeading('Sign in'), h('p', {}, 'The console is for marketplace admins and operations staff.'), form));
};

function askForCode(root: HTMLElement, challenge: string): void {
  const code = h('input', { id: 'code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true });
  const submit = h('button', { type: 'submit' }, 'Verify');
  const form = h('form', {}, field('Code from your authenticator app (or a recovery code)', code), submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    void reporting(async () => begin(await post<Tokens>('auth/mfa/verify', { challenge, code: code.value.trim() }))).finally(() => (submit.disabled = false));
  });
  const heading = pageHeading('Two-step verification');
  root.replaceChildren(h('section', { class: 'narrow' }, heading, form));
  code.focus();
}

async function begin(tokens: Tokens): Promise<void> {
  session.hold(tokens);
  try {
    session.identify(await get<Me>('me'));
  } catch (error) {
    session.end();
    throw error;
  }
  go(session.isAdmin() ? 'overview' : 'not-admin');
}
