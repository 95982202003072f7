import type { TokenHolder } from '@lienthong/access';
import { ConnectorControl } from '@lienthong/connector-control';
import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { BearerGuard } from '../access/bearer.guard';
import type { ConnectorControlAnswer, StatusAnswer } from '../api-answers';
import { Holder } from '../access/holder.decorator';
import { OperatorAction } from '../access/operator-action';
import { RequiresRole } from '../access/roles.decorator';
import { ConnectorStatusQuery } from './connector-status.usecase';

export class ControlRequest {
  @ApiPropertyOptional({ description: 'Why (kept in the audit log)', example: 'portal maintenance window' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

@ApiTags('connectors')
@ApiBearerAuth()
@UseGuards(BearerGuard)
@Controller('api/v1')
export class ConnectorsController {
  constructor(
    private readonly status: ConnectorStatusQuery,
    private readonly control: ConnectorControl,
    private readonly action: OperatorAction,
  ) {}

  @Get('status')
  @ApiOperation({
    summary: 'The hub and every connector: state, breaker, lag per partition, counts and rates',
  })
  all(): Promise<StatusAnswer> {
    return this.status.all();
  }

  @Get('connectors')
  @ApiOperation({ summary: 'Every connector' })
  async connectors() {
    return { connectors: (await this.status.all()).connectors };
  }

  @Get('connectors/:name')
  @ApiOperation({ summary: 'One connector' })
  one(@Param('name') name: string) {
    return this.status.one(name);
  }

  @Post('connectors/:name/pause')
  @HttpCode(200)
  @RequiresRole('operator')
  @ApiOperation({
    summary: 'Pause a connector: every replica stops delivering within seconds, also after a restart',
  })
  pause(@Param('name') name: string, @Body() request: ControlRequest, @Holder() holder: TokenHolder) {
    return this.setPaused(name, true, request, holder);
  }

  @Post('connectors/:name/resume')
  @HttpCode(200)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Resume a paused connector: it goes on from where it stopped' })
  resume(@Param('name') name: string, @Body() request: ControlRequest, @Holder() holder: TokenHolder) {
    return this.setPaused(name, false, request, holder);
  }

  private setPaused(
    name: string,
    paused: boolean,
    request: ControlRequest,
    holder: TokenHolder,
  ): Promise<ConnectorControlAnswer> {
    return this.action.runInTransaction(
      holder,
      {
        action: paused ? 'connector.pause' : 'connector.resume',
        target: `connector/${name}`,
        parameters: { ...request },
      },
      async (transaction) => {
        await this.control.setPaused(this.status.known(name), paused, holder.name, transaction);
        return { connector: name, paused };
      },
    );
  }
}
