import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { Body, Controller, Headers, Param, Post, UseGuards } from '@nestjs/common';
import { RefundsService } from '../application/refunds.service';
import { idempotencyKeyOf, PaymentIdParamDto, RefundRequestDto } from './dto';
import { JsonBodyGuard } from './json-body.guard';
import { refundAnswer } from './views';

/** Admins give money back: all of what is left, or part of it. */
@Roles('admin')
@Controller('admin/payments')
export class AdminRefundsController {
  constructor(private readonly refunds: RefundsService) {}

  /** 201 `{refundId, paymentId, amount, status}`: issued, pending (the provider has not confirmed yet) or failed. */
  @Post(':id/refunds')
  @UseGuards(JsonBodyGuard)
  async refund(
    @CurrentUser() admin: AuthenticatedUser,
    @Param() params: PaymentIdParamDto,
    @Body() body: RefundRequestDto,
    @Headers('idempotency-key') idempotencyKey: unknown,
  ) {
    const refund = await this.refunds.refund(admin.id, params.id, body, idempotencyKeyOf(idempotencyKey));
    return refundAnswer(params.id, refund);
  }
}
