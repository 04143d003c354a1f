import { type DeliverySeal, SealBrokenError } from '@marketplace/auth';
import { Secret, TOTP } from 'otpauth';
import { toDataURL } from 'qrcode';
import { MfaSecretUnreadableError } from '../domain/errors';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../domain/totp';

/** What a user needs to add the account to an authenticator app; shown once, at enrolment. */
export interface TotpProvisioning {
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code, a PNG data URL. */
  qr: string;
}

/** A secret as opened, and its seal under the current key when it was sealed under a previous one. */
export interface OpenedSecret {
  secret: string;
  resealed?: string;
}

/**
 * New TOTP secrets (160 random bits, RFC 4226's recommended length) and their sealing at rest with
 * AES-256-GCM under the MFA key (libs/auth's seal, a key of its own: MFA_ENCRYPTION_KEY). Secrets sealed
 * under a previous key (MFA_PREVIOUS_ENCRYPTION_KEYS) still open, so a key can be rotated without
 * locking anyone out.
 */
export class TotpSecrets {
  constructor(
    private readonly seal: DeliverySeal,
    private readonly previous: readonly DeliverySeal[],
    private readonly issuer: string,
  ) {}

  async provision(accountName: string): Promise<TotpProvisioning & { sealedSecret: string }> {
    const secret = new Secret({ size: 20 }).base32;
    const otpauthUri = new TOTP({ issuer: this.issuer, label: accountName, secret, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS }).toString();
    return { secret, otpauthUri, qr: await toDataURL(otpauthUri), sealedSecret: this.seal.seal(secret) };
  }

  open(sealedSecret: string): OpenedSecret {
    for (const [index, seal] of [this.seal, ...this.previous].entries()) {
      try {
        const secret = seal.open(sealedSecret);
        return index === 0 ? { secret } : { secret, resealed: this.seal.seal(secret) };
      } catch (error) {
        if (!(error instanceof SealBrokenError)) throw error;
      }
    }
    throw new MfaSecretUnreadableError();
  }
}
