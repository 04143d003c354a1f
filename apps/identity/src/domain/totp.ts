import { timingSafeEqual } from 'node:crypto';
import { HOTP, Secret } from 'otpauth';

/** RFC 6238 as every authenticator app reads an otpauth URI without parameters: SHA-1, 6 digits, 30 s. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the previous and next step are accepted too: phones and servers disagree by a few seconds. */
export const TOTP_SKEW_STEPS = 1;

export type TotpCheck = { accepted: true; step: number } | { accepted: false; why: 'wrong_code' | 'replayed' };

export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * Checks a code against the steps around `now`. A code is good once: a step at or before the last one
 * used (`lastUsedStep`) is refused, so neither a replay nor an older code still in the window passes.
 */
export function checkTotp(input: { secretBase32: string; code: string; now: Date; lastUsedStep: number | null }): TotpCheck {
  const secret = Secret.fromBase32(input.secretBase32);
  const current = timeStep(input.now);
  let matched: number | undefined;
  for (let step = current - TOTP_SKEW_STEPS; step <= current + TOTP_SKEW_STEPS; step++) {
    if (sameCode(HOTP.generate({ secret, counter: step, digits: TOTP_DIGITS }), input.code) && matched === undefined) matched = step;
  }
  if (matched === undefined) return { accepted: false, why: 'wrong_code' };
  if (input.lastUsedStep !== null && matched <= input.lastUsedStep) return { accepted: false, why: 'replayed' };
  return { accepted: true, step: matched };
}

function sameCode(expected: string, given: string): boolean {
  return expected.length === given.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}
