import { phoneNumber } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../domain/password-policy';
import { country, email, locale, newPassword, opaqueToken, plainText } from './fields';

export class RegisterDto extends createZodDto(
  z.strictObject({ email, password: newPassword, name: plainText(200), locale: locale.optional(), phone: phoneNumber.nullable().optional() }),
) {}

/** Each field is optional; `phone: null` removes the number. */
export class UpdateProfileDto extends createZodDto(
  z.strictObject({ name: plainText(200).optional(), phone: phoneNumber.nullable().optional(), locale: locale.optional() }),
) {}

export class LoginDto extends createZodDto(z.strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4) })) {}

/** A 6-digit TOTP code or a recovery code; a code of the wrong form is a wrong code (401), not a 400. */
const mfaCode = z.string().trim().min(1).max(32);

export class MfaCodeDto extends createZodDto(z.strictObject({ code: mfaCode })) {}

export class MfaChallengeCodeDto extends createZodDto(z.strictObject({ challenge: opaqueToken, code: mfaCode })) {}

export class RefreshTokenDto extends createZodDto(z.strictObject({ refreshToken: opaqueToken })) {}

export class VerifyEmailDto extends createZodDto(z.strictObject({ token: opaqueToken })) {}

export class PasswordResetRequestDto extends createZodDto(z.strictObject({ email })) {}

export class PasswordResetConfirmDto extends createZodDto(z.strictObject({ token: opaqueToken, password: newPassword })) {}

export class SellerApplicationDto extends createZodDto(
  z.strictObject({
    businessName: plainText(200),
    contact: z
      .strictObject({ email: email.optional(), phone: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, { error: 'must be a phone number' }).optional() })
      .refine((contact) => contact.email !== undefined || contact.phone !== undefined, { error: 'needs an email or a phone number' }),
    country,
  }),
) {}

export class RejectApplicationDto extends createZodDto(z.strictObject({ reason: plainText(1000) })) {}

export class ListApplicationsQueryDto extends createZodDto(
  z.strictObject({
    status: z.enum(['submitted', 'approved', 'rejected']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  }),
) {}

export class ApplicationIdParamDto extends createZodDto(z.strictObject({ id: z.uuid() })) {}

export class OidcStartDto extends createZodDto(z.strictObject({ redirectUri: z.url().max(2048) })) {}

/** The provider's answer: `state` and `code` (and `iss` if it sent one), or the whole URL it redirected to. */
export class OidcCallbackDto extends createZodDto(
  z
    .strictObject({
      state: opaqueToken.optional(),
      code: z.string().min(1).max(2048).optional(),
      iss: z.url().max(2048).optional(),
      callbackUrl: z.url().max(8192).optional(),
    })
    .refine((body) => (body.callbackUrl === undefined) === (body.state !== undefined && body.code !== undefined), {
      error: 'needs either state and code, or callbackUrl',
    }),
) {}
