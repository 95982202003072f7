import { roleAllows, type TokenHolder } from '@lienthong/access';
import { AuditLog } from '@lienthong/audit';
import {
  PaymentReceiptStore,
  PaymentReconciler,
  PaymentReconciliationBusyError,
  type PaymentReconcileReport,
} from '@lienthong/payment';
import {
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Res,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BearerGuard } from '../access/bearer.guard';
import { Holder } from '../access/holder.decorator';
import { markAudited, OperatorAction } from '../access/operator-action';
import { RequiresRole } from '../access/roles.decorator';
import type { PaymentsAnswer } from '../api-answers';
import { ControlRequest } from '../connectors/connectors.controller';
import { PaymentsOverview } from './payments.usecase';

/** The reconciler the console runs itself (CONSOLE_PAYMENT_RECONCILE), or null when it is off. */
export const PAYMENT_RECONCILER = Symbol('PAYMENT_RECONCILER');

export const RECEIPT_READ = 'payment.receipt.read';

// A MaThamChieu as Lienthong makes them (payment-reference.ts), with room for another attempt scheme.
const REFERENCE = /^[A-Za-z0-9_-]{1,40}$/;

@ApiTags('payments')
@ApiBearerAuth()
@UseGuards(BearerGuard)
@Controller('api/v1/payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsOverview,
    private readonly receipts: PaymentReceiptStore,
    private readonly audit: AuditLog,
    private readonly action: OperatorAction,
    @Inject(PAYMENT_RECONCILER) private readonly reconciler: PaymentReconciler | null,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Payments pending (initiated) and failed, receipts still missing, callbacks refused',
    description: 'Refused callbacks are kept as received, without MaXacThuc, with personal data masked.',
  })
  list(): Promise<PaymentsAnswer> {
    return this.payments.overview(this.reconciler !== null);
  }

  @Get(':reference/receipt')
  @ApiProduces('application/pdf', 'application/json')
  @ApiOperation({
    summary: "A paid payment's receipt (GET_BILL): the PDF, or the platform's JSON",
    description:
      'Operators and admins only. Each read is written to the audit log first (action `payment.receipt.read`); ' +
      'if that write fails, nothing is served. A viewer is refused (403), and the refusal is audited too.',
  })
  async receipt(
    @Param('reference') reference: string,
    @Holder() holder: TokenHolder,
    @Res() response: Response,
  ): Promise<void> {
    const target = `payment/${REFERENCE.test(reference) ? reference : '(not a reference)'}`;
    const entry = {
      actor: holder.name,
      actorTokenId: holder.id,
      role: holder.role,
      action: RECEIPT_READ,
      target,
    };
    if (!roleAllows(holder.role, 'operator')) {
      await this.audit.append({
        ...entry,
        parameters: {},
        result: 'refused',
        detail: { needed: 'operator' },
      });
      throw markAudited(new ForbiddenException('receipts are read by operators and admins only'));
    }
    const held = REFERENCE.test(reference) ? await this.receipts.receiptOf(reference) : undefined;
    if (!held) throw new NotFoundException(`no receipt is held for payment ${reference}`);
    await this.audit.append({
      ...entry,
      parameters: {},
      result: 'granted',
      detail: { contentType: held.contentType, bytes: held.body.length },
    });
    const extension = held.contentType === 'application/pdf' ? 'pdf' : 'json';
    response
      .status(200)
      .type(held.contentType)
      .setHeader('cache-control', 'no-store')
      .setHeader('content-disposition', `inline; filename="receipt-${reference}.${extension}"`)
      .send(held.body);
  }

  @Post('reconcile')
  @HttpCode(200)
  @RequiresRole('operator')
  @ApiOperation({
    summary: 'Reconcile payments now: QUERY every payment still initiated in the window, fetch receipts due',
    description:
      'Runs in the console with the platform settings (CONSOLE_PAYMENT_RECONCILE); what it settles reaches ' +
      'payment.v1 through the outbox. Audited (action `payment.reconcile`). 409 when a run is going on ' +
      'elsewhere, 503 when the console does not reconcile payments.',
  })
  reconcile(@Body() request: ControlRequest, @Holder() holder: TokenHolder): Promise<PaymentReconcileReport> {
    return this.action.run(
      holder,
      { action: 'payment.reconcile', target: 'payments', parameters: { ...request } },
      async () => {
        if (!this.reconciler) {
          throw new ServiceUnavailableException(
            'this console does not reconcile payments (CONSOLE_PAYMENT_RECONCILE off); use `lienthong payments reconcile` on the host',
          );
        }
        try {
          return await this.reconciler.run();
        } catch (error) {
          if (error instanceof PaymentReconciliationBusyError) throw new ConflictException(error.message);
          throw error;
        }
      },
      (report) => ({ ...report }),
    );
  }
}
