import { type AuthenticatedUser, CurrentUser } from '@marketplace/auth';
import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { LinkedIdentitiesService } from '../application/linked-identities.service';

/** The providers the signed-in user can sign in with. */
@Controller('me/identities')
export class IdentitiesController {
  constructor(private readonly identities: LinkedIdentitiesService) {}

  @Get()
  async list(@CurrentUser() user: AuthenticatedUser) {
    const items = await this.identities.list(user.id);
    return { items: items.map(({ provider, email, linkedAt }) => ({ provider, email, linkedAt: linkedAt.toISOString() })) };
  }

  @Delete(':provider')
  @HttpCode(204)
  async unlink(@CurrentUser() user: AuthenticatedUser, @Param('provider') provider: string): Promise<void> {
    await this.identities.unlink(user.id, provider);
  }
}
