import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import type { PortalDossier } from '@lienthong/schemas';
import { PortalSandboxService } from './portal-sandbox.service';
import { PortalSandboxStore } from './portal-sandbox.store';

/** The portal's own API (`/login`, `/service`) and the sandbox's inspection API (`/_sandbox`). */
@Controller()
export class PortalSandboxController {
  constructor(
    private readonly portal: PortalSandboxService,
    private readonly store: PortalSandboxStore,
  ) {}

  @Post('login')
  @HttpCode(200)
  login(@Body() body: Record<string, unknown>) {
    return this.portal.login(body ?? {});
  }

  @Post('service')
  @HttpCode(200)
  service(@Body() body: Record<string, unknown>, @Headers('dstcode') dstcode?: string) {
    return this.portal.service(body ?? {}, dstcode);
  }

  /** Read-only listing, a page at a time, for the scoring sandbox when it runs in a process of its own. */
  @Get('_sandbox/dossiers')
  dossiers(@Query('offset') offset = '0', @Query('limit') limit = '1000') {
    const start = Math.max(0, Number(offset) || 0);
    const held = this.store.list();
    return { total: held.length, dossiers: held.slice(start, start + Math.max(1, Number(limit) || 1000)) };
  }

  @Get('_sandbox/dossiers/:code')
  dossier(@Param('code') code: string) {
    const held = this.store.get(code);
    if (!held) throw new NotFoundException(`no dossier ${code}`);
    return held;
  }

  @Patch('_sandbox/dossiers/:code')
  alter(@Param('code') code: string, @Body() changes: Partial<PortalDossier>) {
    if (!this.store.alter(code, changes)) throw new NotFoundException(`no dossier ${code}`);
    return this.store.get(code);
  }

  /** The portal loses the dossier's steps after the first `keep` (its status goes back to the last kept). */
  @Post('_sandbox/dossiers/:code/lose-steps')
  @HttpCode(200)
  loseSteps(@Param('code') code: string, @Body() body: { keep?: number }) {
    if (!this.store.loseSteps(code, Number(body?.keep))) {
      throw new NotFoundException(`no dossier ${code} with ${body?.keep} progress records to keep`);
    }
    return this.store.get(code);
  }

  @Delete('_sandbox/dossiers/:code')
  @HttpCode(204)
  remove(@Param('code') code: string) {
    if (!this.store.delete(code)) throw new NotFoundException(`no dossier ${code}`);
  }

  @Get('_sandbox/stats')
  stats() {
    return { ...this.store.stats(), logins: this.portal.logins };
  }

  @Post('_sandbox/expire-sessions')
  @HttpCode(204)
  expireSessions() {
    this.portal.expireSessions();
  }

  @Post('_sandbox/reset')
  @HttpCode(204)
  reset() {
    this.store.reset();
  }
}
