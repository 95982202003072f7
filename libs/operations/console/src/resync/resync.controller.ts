import type { TokenHolder } from '@lienthong/access';
import {
  BadRequestException,
  Controller,
  HttpCode,
  Inject,
  Param,
  Post,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerGuard } from '../access/bearer.guard';
import { Holder } from '../access/holder.decorator';
import { OperatorAction } from '../access/operator-action';
import { RequiresRole } from '../access/roles.decorator';
import type { ResyncAnswer } from '../api-answers';
import { DOSSIER_CODE } from '../personal-data/reveal.dto';
import type { PortalResync } from './portal-resync';

/** The console's re-sync (CONSOLE_PORTAL_RESYNC), or null when it is off. */
export const PORTAL_RESYNC = Symbol('PORTAL_RESYNC');

export const RESYNC_ACTION = 'dossier.resync';

@ApiTags('dossiers')
@ApiBearerAuth()
@UseGuards(BearerGuard)
@Controller('api/v1/dossiers')
export class ResyncController {
  constructor(
    private readonly action: OperatorAction,
    @Inject(PORTAL_RESYNC) private readonly portal: PortalResync | null,
  ) {}

  @Post(':code/resync')
  @HttpCode(200)
  @RequiresRole('operator')
  @ApiOperation({
    summary: 'Bring the national portal in line with what Lienthong last sent for one dossier',
    description:
      "Asks the portal (TraCuuHoSo) and re-sends the ledger's last record when the portal lacks the dossier " +
      "or holds other fields: the reconciliation's repair, in the dossier's turn, through the ledger, rate " +
      'limit and breaker. Operators and admins; audited first (action `dossier.resync`, outcome in the ' +
      'completion row). 404 when Lienthong never delivered it, 409 when a reconciliation is running, 502 when ' +
      'the portal refuses, 503 when the console does not re-sync (CONSOLE_PORTAL_RESYNC off).',
  })
  resync(@Param('code') code: string, @Holder() holder: TokenHolder): Promise<ResyncAnswer> {
    if (!DOSSIER_CODE.test(code)) throw new BadRequestException('code: not a dossier code');
    return this.action.run(
      holder,
      { action: RESYNC_ACTION, target: `dossier/${code}`, parameters: {} },
      async () => {
        if (!this.portal) {
          throw new ServiceUnavailableException(
            `this console does not re-sync (CONSOLE_PORTAL_RESYNC off); use \`lienthong reconcile --dossier ${code}\` on the host`,
          );
        }
        return this.portal.resync(code);
      },
      (answer) => ({ ...answer }),
    );
  }
}
