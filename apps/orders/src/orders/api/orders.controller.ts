import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { KNEX, RequestId, ValidationError } from '@marketplace/platform';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import type { Knex } from 'knex';
import { OrderActionsService } from '../application/order-actions.service';
import { OrderQueriesService } from '../application/order-queries.service';
import { PlaceOrderService } from '../application/place-order.service';
import { OrderListsRepository } from '../infrastructure/read-model/order-lists-repository';
import { pageView, summaryView } from './list-views';
import { historyEntry, orderView } from './order-views';
import { BuyerOrdersQueryDto, CancelOrderDto, idempotencyKey, OrderAsOfQueryDto, OrderIdParamDto, PlaceOrderDto } from './orders.dto';

/** A buyer's orders: place (idempotently), list, read (also as of a past instant), history, cancel, confirm delivery. */
@Controller('orders')
export class OrdersController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly placing: PlaceOrderService,
    private readonly queries: OrderQueriesService,
    private readonly actions: OrderActionsService,
    private readonly lists: OrderListsRepository,
  ) {}

  @Roles('buyer')
  @Post()
  @HttpCode(202)
  place(@CurrentUser() buyer: AuthenticatedUser, @Headers('idempotency-key') key: string | undefined, @Body() body: PlaceOrderDto, @RequestId() requestId: string) {
    if (key === undefined) throw new ValidationError('The Idempotency-Key header is required.', { code: 'idempotency_key_required', details: [{ field: 'Idempotency-Key', message: 'required' }] });
    if (!idempotencyKey.safeParse(key).success) throw new ValidationError('The Idempotency-Key header is invalid.', { details: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }] });
    return this.placing.place(buyer, key, body, requestId);
  }

  @Roles('buyer')
  @Get()
  async list(@CurrentUser() buyer: AuthenticatedUser, @Query() query: BuyerOrdersQueryDto) {
    return pageView(await this.lists.summaries(this.db, { ...query, buyerId: buyer.id }), summaryView);
  }

  @Get(':id')
  async get(@CurrentUser() caller: AuthenticatedUser, @Param() params: OrderIdParamDto, @Query() query: OrderAsOfQueryDto) {
    const asOf = query.asOf ? new Date(query.asOf) : undefined;
    const { state, events } = await this.queries.forBuyerOrAdmin(caller, params.id, asOf);
    return { ...orderView(state, events.length - 1), ...(query.asOf && { asOf: asOf?.toISOString() }) };
  }

  @Get(':id/history')
  async history(@CurrentUser() caller: AuthenticatedUser, @Param() params: OrderIdParamDto) {
    const { events } = await this.queries.forBuyerOrAdmin(caller, params.id);
    return { orderId: params.id, events: events.map(historyEntry) };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@CurrentUser() caller: AuthenticatedUser, @Param() params: OrderIdParamDto, @Body() body: CancelOrderDto, @RequestId() requestId: string) {
    const { state, revision } = await this.actions.cancel(caller, params.id, body.reason, requestId);
    return orderView(state, revision);
  }

  @Roles('buyer')
  @Post(':id/confirm-delivery')
  @HttpCode(200)
  async confirmDelivery(@CurrentUser() buyer: AuthenticatedUser, @Param() params: OrderIdParamDto, @RequestId() requestId: string) {
    const { state, revision } = await this.actions.confirmDelivery(buyer, params.id, requestId);
    return orderView(state, revision);
  }
}
