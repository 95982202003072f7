import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Post,
  UnauthorizedException,
} from '@nestjs/common';
import { GatewayCheck } from './gateway-check';

export const GATEWAY_TOKEN_PATH = '/token';

/** POST /token, form grant_type=client_credentials, as a WSO2 gateway takes it. */
@Controller()
export class GatewayTokenController {
  constructor(private readonly check: GatewayCheck) {}

  @Post(GATEWAY_TOKEN_PATH.slice(1))
  @HttpCode(200)
  token(@Body() form: Record<string, unknown>, @Headers('authorization') authorization?: string) {
    if (form?.grant_type !== 'client_credentials')
      throw new BadRequestException({ error: 'unsupported_grant_type' });
    const answer = this.check.issue(authorization, form);
    if (!answer) throw new UnauthorizedException({ error: 'invalid_client' });
    return answer;
  }
}

/** Control of the sandbox's gateway: `GET /_sandbox/gateway` (counts), `POST /_sandbox/gateway/expire`. */
@Controller('_sandbox/gateway')
export class GatewayControlController {
  constructor(private readonly check: GatewayCheck) {}

  @Get()
  counts() {
    return this.check.counts;
  }

  @Post('expire')
  @HttpCode(200)
  expire() {
    this.check.expireAll();
    return this.check.counts;
  }
}
