import { hash, verify } from '@node-rs/argon2';

export interface Argon2Cost {
  memoryKib: number;
  timeCost: number;
}

/**
 * argon2id (the library's default algorithm) with OWASP's minimum profile, m=19 MiB, t=2, p=1: about
 * 25 ms per hash on one core of a small machine, so two cores still serve logins while a burst of
 * guesses is throttled long before it costs much. Raise ARGON2_MEMORY_KIB on bigger machines.
 */
export class PasswordHasher {
  /** Verified against when the email is unknown, so that a miss takes as long as a wrong password. */
  private decoy?: Promise<string>;

  constructor(private readonly cost: Argon2Cost) {}

  hash(password: string): Promise<string> {
    return hash(password, { memoryCost: this.cost.memoryKib, timeCost: this.cost.timeCost, parallelism: 1 });
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of a real verification and fails. */
  async verifyNothing(password: string): Promise<false> {
    this.decoy ??= this.hash('decoy password that matches nothing');
    await this.verify(await this.decoy, password);
    return false;
  }
}
