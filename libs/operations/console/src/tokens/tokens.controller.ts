import {
  parseTokenTtl,
  ROLES,
  SCOPE_ROLE,
  SCOPES,
  TOKEN_TTL_PATTERN,
  TokenStore,
  scopeAboveRole,
  type Role,
  type Scope,
  type TokenHolder,
} from '@lienthong/access';
import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { BearerGuard } from '../access/bearer.guard';
import { Holder } from '../access/holder.decorator';
import { OperatorAction } from '../access/operator-action';
import { RequiresRole } from '../access/roles.decorator';

export class CreateTokenRequest {
  @ApiProperty({ description: 'Who holds it (shown in the audit log)', example: 'nguyen.van.a' })
  @IsString()
  @Length(1, 100)
  @Matches(/^[\p{L}\p{N}._@ -]+$/u, { message: 'name may hold letters, digits, spaces and . _ @ -' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    description: 'How long it lives, in hours or days up to a year (CONSOLE_TOKEN_TTL unless given)',
    example: '30d',
  })
  @IsOptional()
  @IsString()
  @Matches(TOKEN_TTL_PATTERN, { message: 'ttl is hours or days, e.g. 12h or 30d' })
  ttl?: string;

  @ApiPropertyOptional({
    description:
      "Permissions beside the role: `pii:read` (operator or admin only) reveals one dossier's personal data at a time, each read audited",
    enum: SCOPES,
    isArray: true,
    default: [],
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SCOPES, { each: true })
  scopes?: Scope[];
}

@ApiTags('access')
@ApiBearerAuth()
@UseGuards(BearerGuard)
@Controller('api/v1')
export class TokensController {
  constructor(
    private readonly tokens: TokenStore,
    private readonly action: OperatorAction,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'Who the token belongs to, its role and scopes' })
  me(@Holder() holder: TokenHolder) {
    return holder;
  }

  @Get('tokens')
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Every token (never the token itself)' })
  async list() {
    return { tokens: await this.tokens.list() };
  }

  @Post('tokens')
  @RequiresRole('admin')
  @ApiOperation({ summary: 'A new token; it is shown once, in this answer. Only an admin grants scopes' })
  create(@Body() request: CreateTokenRequest, @Holder() holder: TokenHolder) {
    const ttlMs = request.ttl === undefined ? undefined : parseTokenTtl(request.ttl);
    if (request.ttl !== undefined && ttlMs === undefined) {
      throw new BadRequestException('ttl is at most a year (365d)');
    }
    const scopes = request.scopes ?? [];
    const below = scopeAboveRole(request.role, scopes);
    if (below) throw new BadRequestException(`scopes: ${below} needs the ${SCOPE_ROLE[below]} role or above`);
    return this.action.runInTransaction(
      holder,
      { action: 'token.create', target: `token/${request.name}`, parameters: { ...request } },
      (transaction) =>
        this.tokens.create(request.name, request.role, holder.name, { ttlMs, within: transaction, scopes }),
      (created) => ({ id: created.id, expiresAt: created.expiresAt }),
    );
  }

  @Delete('tokens/:id')
  @HttpCode(200)
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Revoke a token' })
  revoke(@Param('id') id: string, @Holder() holder: TokenHolder) {
    return this.action.runInTransaction(
      holder,
      { action: 'token.revoke', target: `token/${id}`, parameters: {} },
      async (transaction) => {
        if (!(await this.tokens.revoke(id, transaction))) {
          throw new NotFoundException(`no active token with id ${id}`);
        }
        return { id, revoked: true };
      },
    );
  }
}
