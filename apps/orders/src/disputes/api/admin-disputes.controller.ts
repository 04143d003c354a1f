import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { RequestId } from '@marketplace/platform';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { DisputeActionsService } from '../application/dispute-actions.service';
import { disputeView } from './dispute-views';
import { DisputeIdParamDto, ResolveDisputeDto } from './disputes.dto';

/** An admin decides a dispute: refund (in full or in part), reject, or request the goods back. */
@Roles('admin')
@Controller('admin/disputes')
export class AdminDisputesController {
  constructor(private readonly actions: DisputeActionsService) {}

  @Post(':id/resolve')
  @HttpCode(200)
  async resolve(@CurrentUser() admin: AuthenticatedUser, @Param() params: DisputeIdParamDto, @Body() body: ResolveDisputeDto, @RequestId() requestId: string) {
    return disputeView(await this.actions.resolve(admin, params.id, body, requestId));
  }
}
