import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SCORE_API_PATH } from './score-api.contract';
import type { DriftOrder } from './score-drift';
import { NationalScoreService } from './national-score.service';

/** The scoring data (`POST /api/v1/reporting/evaluation/{endpoint}`) and its control endpoints (`/_sandbox`). */
@Controller()
export class NationalScoreController {
  constructor(private readonly scores: NationalScoreService) {}

  @Post(`${SCORE_API_PATH}/:endpoint`)
  async evaluation(
    @Param('endpoint') endpoint: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const answer = await this.scores.answer(endpoint, body ?? {});
    if (answer.status === 429) response.set('Retry-After', '1');
    response.status(answer.status).json(answer.body);
  }

  @Get('_sandbox/drift')
  drift() {
    return this.scores.drift.current();
  }

  /** Makes the national side differ from the portal: drop dossiers, flip flags, add dislikes, rename fields. */
  @Post('_sandbox/drift')
  @HttpCode(200)
  async order(@Body() order: DriftOrder) {
    if (order?.flip && (typeof order.flip.set !== 'object' || order.flip.set === null)) {
      throw new BadRequestException(
        'flip.set must name the fields to set, e.g. {"DuocThanhToanTrucTuyen":"0"}',
      );
    }
    return this.scores.drift.order(order ?? {}, await this.scores.held());
  }

  @Put('_sandbox/politeness')
  politeness(@Body() change: { ratePerSecond?: unknown; forbidNext?: unknown }) {
    for (const key of ['ratePerSecond', 'forbidNext'] as const) {
      const value = change?.[key];
      if (value !== undefined && (typeof value !== 'number' || value < 0)) {
        throw new BadRequestException(`${key} must be a number ≥ 0`);
      }
    }
    this.scores.politeness.set(change as { ratePerSecond?: number; forbidNext?: number });
    return this.scores.politeness.stats();
  }

  @Get('_sandbox/stats')
  stats() {
    return this.scores.politeness.stats();
  }

  /** Forgets every drift, the counters, and a changed rate. */
  @Post('_sandbox/reset')
  @HttpCode(204)
  reset() {
    this.scores.reset();
  }
}
