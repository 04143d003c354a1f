import { AuthGuard, JwksTokenVerifier } from '@marketplace/auth';
import { PlatformModule, serviceMessaging } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminBootstrap } from './application/admin-bootstrap';
import { EmailVerificationService } from './application/email-verification.service';
import { LoginThrottle } from './application/login-throttle.service';
import { LinkedIdentitiesService } from './application/linked-identities.service';
import { MfaLoginService } from './application/mfa-login.service';
import { OidcAccounts } from './application/oidc-accounts';
import { OidcSignInService } from './application/oidc-sign-in.service';
import { OneTimeTokens } from './application/one-time-tokens';
import { OneTimeLinks } from './application/one-time-links';
import { PasswordResetService } from './application/password-reset.service';
import { ProfileService } from './application/profile.service';
import { RegistrationService } from './application/registration.service';
import { SecondFactor } from './application/second-factor';
import { SellerApplicationsService } from './application/seller-applications.service';
import { SessionService } from './application/session.service';
import { TotpEnrolmentService } from './application/totp-enrolment.service';
import { AuthController } from './api/auth.controller';
import { IdentitiesController } from './api/identities.controller';
import { MeController } from './api/me.controller';
import { MeMfaController, MfaLoginController } from './api/mfa.controller';
import { OidcController } from './api/oidc.controller';
import { AdminSellerApplicationsController, SellerApplicationsController } from './api/seller-applications.controller';
import { AccessTokenVerifier } from './infrastructure/access-token-verifier';
import { identityProviders } from './infrastructure/identity.providers';
import { identityMigrations } from './infrastructure/migrations';

/** The identity service: accounts, sessions with an optional second factor (TOTP) and sign-in through OpenID Connect providers, roles and seller onboarding; its events leave through the outbox. */
@Module({
  imports: [
    PlatformModule.forRoot({ database: { migrations: identityMigrations }, bus: true }),
    serviceMessaging(),
  ],
  controllers: [AuthController, MfaLoginController, OidcController, MeController, MeMfaController, IdentitiesController, SellerApplicationsController, AdminSellerApplicationsController],
  providers: [
    ...identityProviders,
    // libs/auth's guard (Bearer on every route but @Public ones, @Roles), verifying with identity's own keys in memory.
    { provide: JwksTokenVerifier, useExisting: AccessTokenVerifier },
    { provide: APP_GUARD, useClass: AuthGuard },
    OneTimeTokens,
    OneTimeLinks,
    LoginThrottle,
    RegistrationService,
    SessionService,
    SecondFactor,
    TotpEnrolmentService,
    MfaLoginService,
    EmailVerificationService,
    PasswordResetService,
    SellerApplicationsService,
    ProfileService,
    OidcAccounts,
    OidcSignInService,
    LinkedIdentitiesService,
    AdminBootstrap,
  ],
})
export class AppModule {}
