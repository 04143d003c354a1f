import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { RequestId, ValidationError } from '@marketplace/platform';
import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { idempotencyKey, OrderIdParamDto } from '../../orders/api/orders.dto';
import { OpenDisputeService } from '../application/open-dispute.service';
import { OpenDisputeDto } from './disputes.dto';

/** A buyer disputes shipped or delivered lines of their order; an optional Idempotency-Key makes a retry safe. */
@Controller('orders/:id/disputes')
export class OrderDisputesController {
  constructor(private readonly opening: OpenDisputeService) {}

  @Roles('buyer')
  @Post()
  @HttpCode(201)
  open(@CurrentUser() buyer: AuthenticatedUser, @Param() params: OrderIdParamDto, @Headers('idempotency-key') key: string | undefined, @Body() body: OpenDisputeDto, @RequestId() requestId: string) {
    if (key !== undefined && !idempotencyKey.safeParse(key).success) {
      throw new ValidationError('The Idempotency-Key header is invalid.', { details: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }] });
    }
    return this.opening.open(buyer, params.id, body, key, requestId);
  }
}
