import type { TokenHolder } from '@lienthong/access';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerGuard } from '../access/bearer.guard';
import { Holder } from '../access/holder.decorator';
import type { DeadLetterListAnswer, HoldAnswer } from '../api-answers';
import { OperatorAction } from '../access/operator-action';
import { RequiresRole } from '../access/roles.decorator';
import { DeadLetterIndex } from './dead-letter-index';
import { DeadLetterQuery, HoldRequest, ReplayRequest, ReplayResult } from './dead-letter.dto';
import { maskedDetail, maskedSummary } from './dead-letter-view';
import { ReplayDeadLetters } from './replay-dead-letters.usecase';

@ApiTags('dead letters')
@ApiBearerAuth()
@UseGuards(BearerGuard)
@Controller('api/v1/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly index: DeadLetterIndex,
    private readonly replay: ReplayDeadLetters,
    private readonly action: OperatorAction,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Dead letters of the hub and every connector, newest first (personal data in messages masked)',
  })
  async list(@Query() query: DeadLetterQuery): Promise<DeadLetterListAnswer> {
    return { deadLetters: (await this.index.list(query)).map(maskedSummary) };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One dead letter: its event decoded (JSON or XML), every header, its failure history',
    description:
      'Personal data is masked and the original bytes are not shown; an operator with `pii:read` reads them ' +
      'through `POST /api/v1/dossiers/{code}/reveal`, audited.',
  })
  async show(@Param('id', ParseIntPipe) id: number) {
    const [letter] = await this.index.get([id]);
    if (!letter) throw new NotFoundException(`no dead letter with id ${id}`);
    return maskedDetail(letter);
  }

  @Post(':id/replay')
  @HttpCode(200)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Replay one dead letter' })
  @ApiOkResponse({ type: ReplayResult })
  async replayOne(
    @Param('id', ParseIntPipe) id: number,
    @Holder() holder: TokenHolder,
  ): Promise<ReplayResult> {
    return this.action.run(
      holder,
      { action: 'dead-letter.replay', target: `dead-letter/${id}`, parameters: { ids: [id] } },
      () => this.replay.byIds([id], holder.name),
      summary,
    );
  }

  @Post('replay')
  @HttpCode(200)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Replay a selection (`ids`) or every dead letter matching `filter`' })
  @ApiOkResponse({ type: ReplayResult })
  async replayMany(@Body() request: ReplayRequest, @Holder() holder: TokenHolder): Promise<ReplayResult> {
    if ((request.ids === undefined) === (request.filter === undefined)) {
      throw new BadRequestException('give exactly one of ids or filter');
    }
    return this.action.run(
      holder,
      {
        action: 'dead-letter.replay',
        target: request.ids ? 'dead-letters/selection' : 'dead-letters/filter',
        parameters: { ...request },
      },
      () =>
        request.ids
          ? this.replay.byIds(request.ids, holder.name)
          : this.replay.byFilter(request.filter!, holder.name),
      summary,
    );
  }

  @Post(':id/hold')
  @HttpCode(200)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Keep a dead letter past DLQ_RETENTION_DAYS until it is released' })
  async hold(
    @Param('id', ParseIntPipe) id: number,
    @Body() request: HoldRequest,
    @Holder() holder: TokenHolder,
  ): Promise<HoldAnswer> {
    return this.setHeld(id, true, request, holder);
  }

  @Post(':id/unhold')
  @HttpCode(200)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Let a held dead letter go with the others after DLQ_RETENTION_DAYS' })
  async unhold(
    @Param('id', ParseIntPipe) id: number,
    @Body() request: HoldRequest,
    @Holder() holder: TokenHolder,
  ): Promise<HoldAnswer> {
    return this.setHeld(id, false, request, holder);
  }

  private setHeld(id: number, held: boolean, request: HoldRequest, holder: TokenHolder) {
    return this.action.run(
      holder,
      {
        action: held ? 'dead-letter.hold' : 'dead-letter.unhold',
        target: `dead-letter/${id}`,
        parameters: { ...request },
      },
      async () => {
        if (!(await this.index.setHeld(id, held)))
          throw new NotFoundException(`no dead letter with id ${id}`);
        return { id, held };
      },
    );
  }
}

/** What the audit keeps of a replay: bounded, whatever the selection's size. */
function summary(result: ReplayResult): Record<string, unknown> {
  return {
    replayId: result.replayId,
    replayed: result.replayed,
    ids: result.ids.slice(0, 100),
    alreadyReplayed: result.alreadyReplayed.slice(0, 100),
    refusedCount: result.refused.length,
    refused: result.refused.slice(0, 100),
  };
}
