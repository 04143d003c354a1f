import { type AuthenticatedUser, CurrentUser } from '@marketplace/auth';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { PaymentQueriesService } from '../application/payment-queries.service';
import { isAdmin } from '../domain/payment-access';
import { ListPaymentsQueryDto, PaymentIdParamDto } from './dto';
import { paymentDetailView, paymentView } from './views';

/** A buyer's own payments; an admin's view of any. */
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentQueriesService) {}

  /** Newest first; `orderId` narrows to one order's payments. */
  @Get()
  async list(@CurrentUser() caller: AuthenticatedUser, @Query() query: ListPaymentsQueryDto) {
    return { items: (await this.payments.list(caller, query)).map(paymentView) };
  }

  @Get(':id')
  async get(@CurrentUser() caller: AuthenticatedUser, @Param() params: PaymentIdParamDto) {
    return paymentDetailView(await this.payments.get(caller, params.id), isAdmin(caller));
  }
}
