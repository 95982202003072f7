import { AuditLog } from '@lienthong/audit';
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BearerGuard } from '../access/bearer.guard';

export class AuditQueryDto {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ example: 'connector.pause' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  action?: string;

  @ApiPropertyOptional({ example: 'nguyen.van.a' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@UseGuards(BearerGuard)
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({ summary: 'Operator actions, newest first' })
  async list(@Query() query: AuditQueryDto) {
    return { entries: await this.audit.list(query) };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Checks the hash chain: finds a changed, inserted or deleted row' })
  verify() {
    return this.audit.verify();
  }
}
