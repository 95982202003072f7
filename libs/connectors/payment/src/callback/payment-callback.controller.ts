import { Controller, HttpCode, Inject, Post, Req, type Type } from '@nestjs/common';
import type { Request } from 'express';
import type { CallbackAnswer } from '../payment.contract';
import { PaymentCallbacks } from './payment-callbacks';
import { PAYMENT_CHANGES, type PaymentChanges } from './payment-changes';

/**
 * The result callback at the path registered with the platform (PAYMENT_CALLBACK_PATH). The answer goes
 * in the same exchange, HTTP 200 with MaLoi "00" or "99": the platform reads MaLoi. A change of state
 * is committed with its outbox event before the answer; handing it on only wakes the publisher.
 */
export function paymentCallbackController(path: string): Type {
  @Controller(path)
  class PaymentCallbackController {
    constructor(
      private readonly callbacks: PaymentCallbacks,
      @Inject(PAYMENT_CHANGES) private readonly changes: PaymentChanges,
    ) {}

    @Post()
    @HttpCode(200)
    async result(@Req() request: Request): Promise<CallbackAnswer> {
      const receipt = await this.callbacks.receive(request.body, request.socket.remoteAddress);
      if (receipt.event) await this.changes.onChange(receipt.event);
      return receipt.answer;
    }
  }
  return PaymentCallbackController;
}
