import { type AuthenticatedUser, CurrentUser } from '@marketplace/auth';
import { KNEX, RequestId } from '@marketplace/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import type { Knex } from 'knex';
import { pageView } from '../../orders/api/list-views';
import { DisputeActionsService } from '../application/dispute-actions.service';
import { DisputeListsRepository } from '../infrastructure/read-model/dispute-lists-repository';
import { disputeSummaryView, disputeView } from './dispute-views';
import { DisputeIdParamDto, DisputesQueryDto, RespondToDisputeDto } from './disputes.dto';

/** Disputes for their parties (the buyer, the sellers of the lines) and admins: lists, one with its history, responses, returns. */
@Controller('disputes')
export class DisputesController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly actions: DisputeActionsService,
    private readonly lists: DisputeListsRepository,
  ) {}

  /** Admins see every dispute; anyone else those they are a party to. */
  @Get()
  async list(@CurrentUser() caller: AuthenticatedUser, @Query() query: DisputesQueryDto) {
    const partyId = caller.roles.includes('admin') ? undefined : caller.id;
    return pageView(await this.lists.page(this.db, { ...query, partyId }), disputeSummaryView);
  }

  @Get(':id')
  async get(@CurrentUser() caller: AuthenticatedUser, @Param() params: DisputeIdParamDto) {
    const { state, events } = await this.actions.read(caller, params.id);
    return disputeView(state, events);
  }

  @Post(':id/responses')
  @HttpCode(201)
  async respond(@CurrentUser() caller: AuthenticatedUser, @Param() params: DisputeIdParamDto, @Body() body: RespondToDisputeDto, @RequestId() requestId: string) {
    return disputeView(await this.actions.respond(caller, params.id, body.message, requestId));
  }

  @Post(':id/return-received')
  @HttpCode(200)
  async returnReceived(@CurrentUser() caller: AuthenticatedUser, @Param() params: DisputeIdParamDto, @RequestId() requestId: string) {
    return disputeView(await this.actions.returnReceived(caller, params.id, requestId));
  }
}
