import { type AuthenticatedUser, CurrentUser } from '@marketplace/auth';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ProfileService } from '../application/profile.service';
import { UpdateProfileDto } from './dto';
import { userView } from './views';

/** The signed-in user's own account (any valid access token). */
@Controller('me')
export class MeController {
  constructor(private readonly profile: ProfileService) {}

  @Get()
  async me(@CurrentUser() user: AuthenticatedUser) {
    return userView(await this.profile.me(user.id));
  }

  @Patch()
  async change(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto) {
    return userView(await this.profile.change(user.id, { name: body.name, phone: body.phone, locale: body.locale }));
  }
}
