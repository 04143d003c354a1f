import { z } from 'zod';

/** How an account was opened: with a password, through an OpenID Connect provider, or as the configured admin. */
export const signUpMethod = z
  .enum(['password', 'oidc', 'admin_bootstrap'])
  .describe('password: the sign-up form; oidc: a first sign-in with an OpenID Connect provider; admin_bootstrap: the admin configured by ADMIN_EMAIL');

export type SignUpMethod = z.infer<typeof signUpMethod>;
