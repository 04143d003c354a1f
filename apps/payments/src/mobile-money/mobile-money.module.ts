import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { MpesaCallbackGuard } from './api/mpesa-callback.guard';
import { MpesaCallbacksController } from './api/mpesa-callbacks.controller';
import { MpesaCallbacksService } from './application/mpesa-callbacks.service';
import { PaynowStatusUpdatesService } from './application/paynow-status-updates.service';
import { PaynowStatusUpdatesController } from './api/paynow-status-updates.controller';

/**
 * Mobile money's own edge: the networks' callbacks. Their adapters sit behind the payments' provider
 * port (see PaymentProviders); the flow is the Payment aggregate's.
 */
@Module({
  imports: [PaymentsModule],
  controllers: [MpesaCallbacksController, PaynowStatusUpdatesController],
  providers: [MpesaCallbacksService, MpesaCallbackGuard, PaynowStatusUpdatesService],
})
export class MobileMoneyModule {}
