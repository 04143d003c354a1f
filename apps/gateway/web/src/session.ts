/** The tokens of whoever signed in: in memory only (no cookie, no storage), so closing or reloading the tab signs out. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

let tokens: Tokens | undefined;
let me: Me | undefined;

export const session = {
  tokens: (): Tokens | undefined => tokens,
  me: (): Me | undefined => me,
  isAdmin: (): boolean => me?.roles.includes('admin') ?? false,
  /** New tokens: after sign-in (then `identify` follows) or a renewal. */
  hold(newTokens: Tokens): void {
    tokens = newTokens;
  },
  identify(who: Me): void {
    me = who;
  },
  end(): void {
    tokens = undefined;
    me = undefined;
  },
};
