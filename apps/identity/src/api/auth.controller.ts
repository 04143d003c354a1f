import { Public } from '@marketplace/auth';
import { Body, Controller, Get, Header, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { EmailVerificationService } from '../application/email-verification.service';
import { PasswordResetService } from '../application/password-reset.service';
import { RegistrationService } from '../application/registration.service';
import { SessionService } from '../application/session.service';
import { IDENTITY_CONFIG, SIGNING_KEYS } from '../application/tokens';
import type { IdentityConfig } from '../identity-config';
import type { SigningKeys } from '../infrastructure/signing-keys';
import { callerIp } from './caller-ip';
import { LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto, RefreshTokenDto, RegisterDto, VerifyEmailDto } from './dto';
import { userView } from './views';

/** Sign-up, sessions, the public key set, and the emailed links. Every route here is public. */
@Controller('auth')
@Public()
export class AuthController {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(SIGNING_KEYS) private readonly keys: SigningKeys,
    private readonly registration: RegistrationService,
    private readonly sessions: SessionService,
    private readonly verification: EmailVerificationService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @Post('register')
  async register(@Body() body: RegisterDto) {
    return userView(await this.registration.register(body));
  }

  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() request: FastifyRequest) {
    return this.sessions.login({ ...body, ip: callerIp(request, this.config.TRUSTED_PROXIES) });
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshTokenDto) {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.sessions.logout(body.refreshToken);
  }

  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  jwks() {
    return this.keys.jwks;
  }

  @Post('verify-email')
  @HttpCode(204)
  async verifyEmail(@Body() body: VerifyEmailDto): Promise<void> {
    await this.verification.verify(body.token);
  }

  @Post('password-reset/request')
  @HttpCode(202)
  async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<void> {
    await this.passwordReset.request(body.email);
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.passwordReset.confirm(body.token, body.password);
  }
}
