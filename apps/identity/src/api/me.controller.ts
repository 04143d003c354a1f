import { type AuthenticatedUser, CurrentUser } from '@marketplace/auth';
import { Controller, Get } from '@nestjs/common';
import { ProfileService } from '../application/profile.service';
import { userView } from './views';

/** The signed-in user's own account (any valid access token). */
@Controller('me')
export class MeController {
  constructor(private readonly profile: ProfileService) {}

  @Get()
  async me(@CurrentUser() user: AuthenticatedUser) {
    return userView(await this.profile.me(user.id));
  }
}
