import { z } from 'zod';

/** The second factor an MfaEnabled/MfaDisabled is about; only TOTP so far. */
export const mfaMethod = z.literal('totp').describe('the second factor: totp (RFC 6238 codes from an authenticator app)');
