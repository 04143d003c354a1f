import { Controller, Get, UseGuards } from '@nestjs/common';
import { ProfileService } from '../application/profile.service';
import type { Caller } from '../infrastructure/access-token-verifier';
import { AccessGuard } from './auth/access.guard';
import { CurrentCaller } from './auth/current-caller.decorator';
import { userView } from './views';

@Controller('me')
@UseGuards(AccessGuard)
export class MeController {
  constructor(private readonly profile: ProfileService) {}

  @Get()
  async me(@CurrentCaller() caller: Caller) {
    return userView(await this.profile.me(caller.id));
  }
}
