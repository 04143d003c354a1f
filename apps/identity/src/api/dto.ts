import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../domain/password-policy';

/**
 * No control characters (they break logs and emails) and no bidirectional embedding, override or isolate
 * characters (they make a name display as something else); letters of any script are fine.
 */
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]*$/u, { error: 'must not contain control or bidirectional-override characters' });

/** Trimmed before it is checked: a pasted address often carries spaces. */
const email = z.string().trim().max(254).pipe(z.email());
/** The policy (12..128 characters, not common, not the email) is checked by the service; this only bounds the size. */
const newPassword = z.string().min(1).max(PASSWORD_MAX_LENGTH * 4);
const opaqueToken = z.string().min(1).max(512).regex(/^[A-Za-z0-9_-]+$/, { error: 'must be a token as issued' });

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
/** ISO 3166-1 alpha-2: two letters that name a region Intl knows. */
const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code' })
  .transform((code) => code.toUpperCase())
  .refine((code) => regionNames.of(code) !== code, { error: 'is not an ISO 3166-1 alpha-2 country' });

export class RegisterDto extends createZodDto(z.strictObject({ email, password: newPassword, name: plainText(200) })) {}

export class LoginDto extends createZodDto(z.strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4) })) {}

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
