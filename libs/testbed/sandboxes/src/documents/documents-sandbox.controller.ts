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
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ACKNOWLEDGEMENTS, INBOX_KINDS, type Acknowledgement, type InboxKind } from './edxml-names';
import { DocumentsSandboxService } from './documents-sandbox.service';
import { DocumentsSandboxStore } from './documents-sandbox.store';

/**
 * The exchange's own operations under `/edxml` (send a package, list an inbox, get one, acknowledge; the
 * connector's DocumentsExchangeClient calls them) and the sandbox's inspection API under `/_sandbox`.
 */
@Controller()
export class DocumentsSandboxController {
  constructor(
    private readonly exchange: DocumentsSandboxService,
    private readonly store: DocumentsSandboxStore,
  ) {}

  @Post('edxml/packages')
  send(@Body() body: unknown, @Res() response: Response): void {
    if (typeof body !== 'string' || body.trim() === '') {
      throw new BadRequestException('send the edXML package as the body, Content-Type application/xml');
    }
    const answer = this.exchange.send(body);
    response
      .status(answer.accepted ? 200 : 400)
      .type('application/xml')
      .send(answer.statusXml);
  }

  @Get('edxml/inbox')
  inbox(@Query('organId') organId?: string, @Query('kind') kind: string = 'document') {
    if (!organId) throw new BadRequestException('organId is required');
    if (!INBOX_KINDS.includes(kind as InboxKind)) {
      throw new BadRequestException(`kind must be one of ${INBOX_KINDS.join(', ')}`);
    }
    return this.exchange.inbox(organId, kind as InboxKind);
  }

  @Get('edxml/packages/:id')
  message(@Param('id') id: string, @Res() response: Response): void {
    const xml = this.exchange.message(id);
    if (xml === undefined) throw new NotFoundException(`no package ${id}`);
    response.type('application/xml').send(xml);
  }

  @Post('edxml/packages/:id/ack')
  @HttpCode(200)
  acknowledge(@Param('id') id: string, @Body() body: { status?: unknown }) {
    const status = body?.status;
    if (!ACKNOWLEDGEMENTS.includes(status as Acknowledgement)) {
      throw new BadRequestException(`status must be one of ${ACKNOWLEDGEMENTS.join(', ')}`);
    }
    if (!this.exchange.acknowledge(id, status as Acknowledgement))
      throw new NotFoundException(`no package ${id}`);
    return { id, status };
  }

  @Get('_sandbox/packages')
  packages() {
    return this.store.snapshot().packages;
  }

  @Get('_sandbox/statuses')
  statuses() {
    return this.store.snapshot().statuses;
  }

  @Get('_sandbox/refusals')
  refusals() {
    return this.store.snapshot().refusals;
  }

  /**
   * A fault only a receiver can cause: a status package written wrong (not well-formed, nested past
   * any reader's limit, a value no database takes), put in an organ's inbox as if a receiver sent it.
   */
  @Post('_sandbox/statuses')
  plantStatus(@Body() body: { organId?: unknown; documentId?: unknown; xml?: unknown }) {
    const { organId, documentId, xml } = body ?? {};
    if (typeof organId !== 'string' || typeof documentId !== 'string' || typeof xml !== 'string') {
      throw new BadRequestException('send {organId, documentId, xml} as JSON');
    }
    const id = this.store.deliver({
      recipientOrganId: organId,
      kind: 'status',
      documentId,
      fromOrganId: 'sandbox.receiver',
      xml,
    });
    return { id };
  }

  @Post('_sandbox/reset')
  @HttpCode(204)
  reset() {
    this.store.reset();
  }
}
