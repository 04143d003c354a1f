import { Public } from '@marketplace/auth';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { type OidcCallback, OidcSignInService } from '../application/oidc-sign-in.service';
import { OidcCallbackDto, OidcStartDto } from './dto';

/** "Sign in with <provider>" (OpenID Connect). Public: this is how a session starts. */
@Controller('auth/oidc')
@Public()
export class OidcController {
  constructor(private readonly oidc: OidcSignInService) {}

  @Get('providers')
  providers() {
    return { items: this.oidc.providers() };
  }

  @Post(':provider/start')
  @HttpCode(200)
  start(@Param('provider') provider: string, @Body() body: OidcStartDto) {
    return this.oidc.start(provider, body.redirectUri);
  }

  @Post(':provider/callback')
  @HttpCode(200)
  callback(@Param('provider') provider: string, @Body() body: OidcCallbackDto) {
    return this.oidc.finish(provider, callbackParams(body));
  }
}

function callbackParams(body: OidcCallbackDto): OidcCallback {
  if (body.callbackUrl !== undefined) return new URL(body.callbackUrl).searchParams;
  const params = new URLSearchParams({ state: body.state ?? '', code: body.code ?? '' });
  if (body.iss !== undefined) params.set('iss', body.iss);
  return params;
}
