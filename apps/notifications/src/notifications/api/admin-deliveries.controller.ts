import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { ConflictError, KNEX, NotFoundError } from '@marketplace/platform';
import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import type { Knex } from 'knex';
import { DeliveriesRepository } from '../infrastructure/deliveries-repository';
import { deliveryView } from './notification-views';
import { DeliveriesQueryDto, IdParamDto } from './notifications.dto';

/** Admins see deliveries (failed ones first of all) with their record of attempts, and send a failed one again. */
@Roles('admin')
@Controller('admin/notifications/deliveries')
export class AdminDeliveriesController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  @Get()
  async list(@Query() query: DeliveriesQueryDto) {
    const page = await this.deliveries.page(this.db, query);
    return { items: page.items.map(deliveryView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  async get(@Param() params: IdParamDto) {
    const delivery = await this.deliveries.find(this.db, params.id);
    if (!delivery) throw new NotFoundError('No delivery has this id.');
    return deliveryView(delivery);
  }

  @Post(':id/retry')
  @HttpCode(202)
  async retry(@CurrentUser() admin: AuthenticatedUser, @Param() params: IdParamDto) {
    const requeued = await this.deliveries.requeue(this.db, params.id, this.clock.now(), admin.id);
    if (requeued) return deliveryView(requeued);
    const delivery = await this.deliveries.find(this.db, params.id);
    if (!delivery) throw new NotFoundError('No delivery has this id.');
    throw new ConflictError(`Only a failed delivery can be retried; this one is ${delivery.status}.`, { code: 'delivery_not_failed' });
  }
}
