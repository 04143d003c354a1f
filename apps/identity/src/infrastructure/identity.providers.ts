import { DeliverySeal, newDeliverySealKey } from '@marketplace/auth';
import { eventFactoryProvider, KNEX, PLATFORM_CONFIG } from '@marketplace/platform';
import type { Provider } from '@nestjs/common';
import type { Knex } from 'knex';
import { IDENTITY_CONFIG, SIGNING_KEYS } from '../application/tokens';
import { CLOCK, type Clock } from '@marketplace/kernel';
import type { IdentityConfig } from '../identity-config';
import { AccessTokenIssuer } from './access-token-issuer';
import { AccessTokenVerifier } from './access-token-verifier';
import { generatedKey } from './generated-keys';
import { LoginFailuresRepository } from './login-failures-repository';
import { OidcClient } from './oidc-client';
import { OidcIdentitiesRepository } from './oidc-identities-repository';
import { OidcSignInsRepository } from './oidc-sign-ins-repository';
import { OneTimeTokensRepository } from './one-time-tokens-repository';
import { PasswordHasher } from './password-hasher';
import { RecoveryCodesRepository } from './recovery-codes-repository';
import { RefreshTokensRepository } from './refresh-tokens-repository';
import { SellerApplicationsRepository } from './seller-applications-repository';
import { loadSigningKeys, type SigningKeys } from './signing-keys';
import { TotpEnrolmentsRepository } from './totp-enrolments-repository';
import { TotpSecrets } from './totp-secrets';
import { UsersRepository } from './users-repository';

/** The delivery key from DELIVERY_SEAL_KEY, or (development) 32 random bytes generated once and kept in the schema. */
async function deliverySeal(config: IdentityConfig, db: Knex): Promise<DeliverySeal> {
  const key = config.DELIVERY_SEAL_KEY ?? Buffer.from(await generatedKey(db, 'delivery_seal_key', async () => newDeliverySealKey()), 'base64');
  return new DeliverySeal(key, config.DELIVERY_SEAL_KEY_ID);
}

/** The TOTP sealing key from MFA_ENCRYPTION_KEY (or, in development, generated once and kept in the schema like the others) and the keys it replaced. */
async function totpSecrets(config: IdentityConfig, db: Knex): Promise<TotpSecrets> {
  const key = config.MFA_ENCRYPTION_KEY ?? Buffer.from(await generatedKey(db, 'mfa_encryption_key', async () => newDeliverySealKey()), 'base64');
  const seal = (bytes: Buffer) => new DeliverySeal(bytes, 'totp');
  return new TotpSecrets(seal(key), config.MFA_PREVIOUS_ENCRYPTION_KEYS.map(seal), config.MFA_ISSUER);
}

/** The infrastructure behind identity's application services. */
export const identityProviders: Provider[] = [
  { provide: IDENTITY_CONFIG, useExisting: PLATFORM_CONFIG },
  eventFactoryProvider('identity'),
  { provide: UsersRepository, useValue: new UsersRepository() },
  { provide: RefreshTokensRepository, useValue: new RefreshTokensRepository() },
  { provide: OneTimeTokensRepository, useValue: new OneTimeTokensRepository() },
  { provide: LoginFailuresRepository, useValue: new LoginFailuresRepository() },
  { provide: SellerApplicationsRepository, useValue: new SellerApplicationsRepository() },
  { provide: TotpEnrolmentsRepository, useValue: new TotpEnrolmentsRepository() },
  { provide: RecoveryCodesRepository, useValue: new RecoveryCodesRepository() },
  { provide: OidcIdentitiesRepository, useValue: new OidcIdentitiesRepository() },
  { provide: OidcSignInsRepository, useValue: new OidcSignInsRepository() },
  { provide: OidcClient, inject: [CLOCK], useFactory: (clock: Clock) => new OidcClient(clock) },
  {
    provide: PasswordHasher,
    inject: [IDENTITY_CONFIG],
    useFactory: (config: IdentityConfig) => new PasswordHasher({ memoryKib: config.ARGON2_MEMORY_KIB, timeCost: config.ARGON2_TIME_COST }),
  },
  { provide: SIGNING_KEYS, inject: [IDENTITY_CONFIG, KNEX], useFactory: (config: IdentityConfig, db: Knex) => loadSigningKeys(config.JWT_PRIVATE_KEYS, db) },
  {
    provide: AccessTokenIssuer,
    inject: [IDENTITY_CONFIG, SIGNING_KEYS],
    useFactory: (config: IdentityConfig, keys: SigningKeys) => new AccessTokenIssuer(keys, { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
  },
  {
    provide: AccessTokenVerifier,
    inject: [IDENTITY_CONFIG, SIGNING_KEYS, CLOCK],
    useFactory: (config: IdentityConfig, keys: SigningKeys, clock: Clock) =>
      new AccessTokenVerifier(keys, { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, now: () => clock.now() }),
  },
  { provide: DeliverySeal, inject: [IDENTITY_CONFIG, KNEX], useFactory: deliverySeal },
  { provide: TotpSecrets, inject: [IDENTITY_CONFIG, KNEX], useFactory: totpSecrets },
];
