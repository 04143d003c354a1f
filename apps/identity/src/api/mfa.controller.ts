import { type AuthenticatedUser, CurrentUser, Public } from '@marketplace/auth';
import { Body, Controller, Delete, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MfaLoginService } from '../application/mfa-login.service';
import { IDENTITY_CONFIG } from '../application/tokens';
import { TotpEnrolmentService } from '../application/totp-enrolment.service';
import type { IdentityConfig } from '../identity-config';
import { callerIp } from './caller-ip';
import { LoginDto, MfaChallengeCodeDto, MfaCodeDto } from './dto';

/** The second login step, and enrolment with the password for accounts that get no session without TOTP. Public. */
@Controller('auth/mfa')
@Public()
export class MfaLoginController {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly mfa: MfaLoginService,
  ) {}

  @Post('verify')
  @HttpCode(200)
  verify(@Body() body: MfaChallengeCodeDto, @Req() request: FastifyRequest) {
    return this.mfa.verify(body.challenge, body.code, callerIp(request, this.config.TRUSTED_PROXIES));
  }

  @Post('enrolment')
  @HttpCode(201)
  startEnrolment(@Body() body: LoginDto, @Req() request: FastifyRequest) {
    return this.mfa.startEnrolment({ ...body, ip: callerIp(request, this.config.TRUSTED_PROXIES) });
  }

  @Post('enrolment/confirm')
  @HttpCode(200)
  confirmEnrolment(@Body() body: MfaChallengeCodeDto, @Req() request: FastifyRequest) {
    return this.mfa.confirmEnrolment(body.challenge, body.code, callerIp(request, this.config.TRUSTED_PROXIES));
  }
}

/** The signed-in user's own TOTP. */
@Controller('me/mfa')
export class MeMfaController {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly enrolment: TotpEnrolmentService,
  ) {}

  @Post('totp')
  @HttpCode(201)
  start(@CurrentUser() user: AuthenticatedUser) {
    return this.enrolment.startFor(user.id);
  }

  @Post('totp/confirm')
  @HttpCode(200)
  async confirm(@CurrentUser() user: AuthenticatedUser, @Body() body: MfaCodeDto, @Req() request: FastifyRequest) {
    return { recoveryCodes: await this.enrolment.confirmFor(user.id, body.code, callerIp(request, this.config.TRUSTED_PROXIES)) };
  }

  @Delete('totp')
  @HttpCode(204)
  async disable(@CurrentUser() user: AuthenticatedUser, @Body() body: MfaCodeDto, @Req() request: FastifyRequest): Promise<void> {
    await this.enrolment.disable(user.id, body.code, callerIp(request, this.config.TRUSTED_PROXIES));
  }

  @Post('recovery-codes')
  @HttpCode(200)
  async regenerate(@CurrentUser() user: AuthenticatedUser, @Body() body: MfaCodeDto, @Req() request: FastifyRequest) {
    return { recoveryCodes: await this.enrolment.regenerateRecoveryCodes(user.id, body.code, callerIp(request, this.config.TRUSTED_PROXIES)) };
  }
}
