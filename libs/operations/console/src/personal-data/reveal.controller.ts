import type { TokenHolder } from '@lienthong/access';
import { BadRequestException, Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { BearerGuard } from '../access/bearer.guard';
import { Holder } from '../access/holder.decorator';
import { PersonalDataGuard } from './personal-data.guard';
import { DOSSIER_CODE, RevealRequest } from './reveal.dto';
import { RevealDossier } from './reveal-dossier.usecase';

@ApiTags('personal data')
@ApiBearerAuth()
@UseGuards(BearerGuard, PersonalDataGuard)
@Controller('api/v1/dossiers')
export class RevealController {
  constructor(private readonly revealer: RevealDossier) {}

  @Post(':code/reveal')
  @HttpCode(200)
  @ApiOperation({
    summary: "One dossier's personal data in clear: its trace and its dead letters (with their bytes)",
    description:
      'Everything else in the API masks personal data (ID numbers, names, birth dates, phones, emails, addresses). ' +
      'This needs an operator or admin token with the `pii:read` scope and a stated reason. The read is ' +
      'written to the audit log first (action `personal-data.read`: token name and id, dossier, reason); ' +
      'if that write fails, nothing is revealed. A refusal (403) is audited too, without the body.',
  })
  @ApiParam({ name: 'code', description: 'Dossier code', example: '000.00.12.H26-240815-0042' })
  @ApiOkResponse({
    description:
      '`{dossierCode, reason, auditId, trace, deadLetters}`, all in clear. A dead letter whose event carries ' +
      "the applicant sealed (a connector's, taken from dossier.v1) has the event `opened` beside its bytes, " +
      'or `opened: null` and `sealedRefused` saying which part did not open',
  })
  @ApiForbiddenResponse({ description: 'The token is not an operator or admin with `pii:read`' })
  reveal(@Param('code') code: string, @Body() request: RevealRequest, @Holder() holder: TokenHolder) {
    if (!DOSSIER_CODE.test(code)) throw new BadRequestException('code: not a dossier code');
    return this.revealer.reveal(holder, code, request.reason);
  }
}
