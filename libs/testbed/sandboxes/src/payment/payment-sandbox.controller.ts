import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  type Type,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { PaymentSandboxService } from './payment-sandbox.service';
import { PaymentSandboxStore, type Settlement } from './payment-sandbox.store';
import { PaymentSettlement, type Outcome } from './payment-settlement';

/** The platform endpoint at its configured path: INIT, QUERY and GET_BILL all arrive here. */
export function paymentPlatformController(path: string): Type {
  @Controller(path)
  class PaymentPlatformController {
    constructor(private readonly platform: PaymentSandboxService) {}

    @Post()
    message(@Req() request: Request, @Res() response: Response): void {
      const answer = this.platform.handle({
        body: request.body,
        base: `${request.protocol}://${request.get('host') ?? ''}`,
      });
      response.status(answer.status);
      if ('pdf' in answer) response.type('application/pdf').send(answer.pdf);
      else response.json(answer.json);
    }
  }
  return PaymentPlatformController;
}

/** The citizen's pay page (outside the gateway: a browser opens it). */
@Controller()
export class PaymentPublicController {
  constructor(private readonly platform: PaymentSandboxService) {}

  @Get('pay/:reference')
  page(@Param('reference') reference: string, @Res() response: Response): void {
    const page = this.platform.payPage(reference);
    if (page === undefined) throw new NotFoundException(`no transaction ${reference}`);
    response.type('html').send(page);
  }
}

/** The sandbox's control API for tests and demos: what the platform holds, and settling on demand. */
@Controller('_sandbox')
export class PaymentInspectionController {
  constructor(
    private readonly store: PaymentSandboxStore,
    private readonly settlement: PaymentSettlement,
  ) {}

  @Get('transactions')
  transactions(@Query('state') state?: Settlement) {
    return this.store.list(state);
  }

  @Get('transactions/:reference')
  transaction(@Param('reference') reference: string) {
    const held = this.store.get(reference);
    if (!held) throw new NotFoundException(`no transaction ${reference}`);
    return held;
  }

  /** Settles a pending transaction now: `?outcome=paid|failed` or `{"outcome": …}`; neither draws it. */
  @Post('transactions/:reference/settle')
  @HttpCode(200)
  settle(
    @Param('reference') reference: string,
    @Query('outcome') query?: string,
    @Body() body?: { outcome?: string },
  ) {
    const outcome = query ?? body?.outcome;
    if (outcome !== undefined && outcome !== 'paid' && outcome !== 'failed') {
      throw new BadRequestException('outcome must be paid or failed');
    }
    const settled = this.settlement.settle(reference, outcome as Outcome | undefined);
    if (!settled) throw new NotFoundException(`no pending transaction ${reference}`);
    return settled;
  }

  /**
   * Settles every pending transaction now, each drawn by PAYMENT_SANDBOX_PAID_SHARE: a burst of signed
   * callbacks, as when many citizens pay at once (the payments benchmark measures it).
   */
  @Post('settle-pending')
  @HttpCode(200)
  settlePending() {
    const pending = this.store.list('pending');
    for (const { reference } of pending) this.settlement.settle(reference);
    return { settled: pending.length };
  }

  @Get('stats')
  stats() {
    return this.store.stats();
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.store.reset();
  }
}
