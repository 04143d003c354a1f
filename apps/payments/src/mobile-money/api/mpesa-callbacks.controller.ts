import { Public } from '@marketplace/auth';
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { JsonBodyGuard } from '../../payments/api/json-body.guard';
import { MpesaCallbacksService } from '../application/mpesa-callbacks.service';
import { MpesaCallbackGuard } from './mpesa-callback.guard';
import { stkCallbackBody } from '../infrastructure/adapters/mpesa-daraja-messages';

class StkCallbackDto extends createZodDto(stkCallbackBody) {}

/**
 * Daraja's STK callbacks (`CallBackURL` = MPESA_CALLBACK_BASE_URL + `/webhooks/mpesa/<token>`). No access
 * token: the path's secret is the authentication. Answered as Daraja expects once handled (a repeat
 * too); a body that is not an STK callback is a 400 with nothing written.
 */
@Public()
@Controller('webhooks')
export class MpesaCallbacksController {
  constructor(private readonly callbacks: MpesaCallbacksService) {}

  @Post('mpesa/:token')
  @HttpCode(200)
  @UseGuards(MpesaCallbackGuard, JsonBodyGuard)
  async mpesa(@Body() body: StkCallbackDto) {
    const result = await this.callbacks.receive(body.Body.stkCallback);
    return { ResultCode: 0, ResultDesc: 'Accepted', result };
  }
}
