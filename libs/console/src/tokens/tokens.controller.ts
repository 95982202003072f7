import {
  ROLES,
  SCOPE_ROLE,
  SCOPES,
  TokenStore,
  roleAllows,
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
    const scopes = request.scopes ?? [];
    const below = scopes.find((scope) => !roleAllows(request.role, SCOPE_ROLE[scope]));
    if (below) throw new BadRequestException(`scopes: ${below} needs the ${SCOPE_ROLE[below]} role or above`);
    return this.action.run(
      holder,
      { action: 'token.create', target: `token/${request.name}`, parameters: { ...request } },
      () => this.tokens.create(request.name, request.role, holder.name, scopes),
      (created) => ({ id: created.id }),
    );
  }

  @Delete('tokens/:id')
  @HttpCode(200)
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Revoke a token' })
  revoke(@Param('id') id: string, @Holder() holder: TokenHolder) {
    return this.action.run(
      holder,
      { action: 'token.revoke', target: `token/${id}`, parameters: {} },
      async () => {
        if (!(await this.tokens.revoke(id))) throw new NotFoundException(`no active token with id ${id}`);
        return { id, revoked: true };
      },
    );
  }
}
