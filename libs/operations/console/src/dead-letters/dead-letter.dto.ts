import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

/** Which dead letters: every field narrows the selection. */
export class DeadLetterFilter {
  @ApiPropertyOptional({ description: '`hub` or a connector name', example: 'national-portal' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  stage?: string;

  @ApiPropertyOptional({ description: 'A connector name (the same as `stage`)', example: 'national-portal' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  connector?: string;

  @ApiPropertyOptional({ description: 'Reason code (`lienthong-dlq-reason`)', example: 'UNKNOWN_STATUS' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({ description: 'Source system of the event', example: 'motcua' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;

  @ApiPropertyOptional({ description: 'Dossier code', example: 'H26.99-261101-0001' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  dossierCode?: string;

  @ApiPropertyOptional({ description: 'Dead-lettered at or after (ISO 8601)', type: String })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ description: 'Dead-lettered before (ISO 8601)', type: String })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ description: 'Only replayed (true) or only not yet replayed (false) ones' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  replayed?: boolean;
}

export class DeadLetterQuery extends DeadLetterFilter {
  @ApiPropertyOptional({ description: 'Most rows answered', default: 100, minimum: 1, maximum: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Rows with an id below this one (paging, newest first)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;
}

export class ReplayRequest {
  @ApiPropertyOptional({ description: 'These dead letters (by id); or give `filter`', type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsInt({ each: true })
  ids?: number[];

  @ApiPropertyOptional({
    description: 'Every dead letter matching it not replayed yet (a replayed one is never sent again)',
    type: DeadLetterFilter,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadLetterFilter)
  filter?: DeadLetterFilter;

  @ApiPropertyOptional({ description: 'Why (kept in the audit log)', example: 'routing rule fixed' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class RefusedReplay {
  @ApiProperty()
  id!: number;

  @ApiProperty({ example: 'REPLAY_UNKNOWN_SOURCE', description: 'See docs/dead-letter-reasons.md' })
  code!: string;

  @ApiProperty({ example: 'its source topic "dossier.v1" is not the topic of a known source system' })
  reason!: string;
}

export class ReplayResult {
  @ApiProperty({ description: 'Names the replay: the `lienthong-replay-id` header of every replayed event' })
  replayId!: string | null;

  @ApiProperty()
  matched!: number;

  @ApiProperty()
  replayed!: number;

  @ApiProperty({ description: 'The dead letters this replay sent', type: [Number] })
  ids!: number[];

  @ApiProperty({
    description: 'Dead letters another replay sent or is sending: not sent again',
    type: [Number],
  })
  alreadyReplayed!: number[];

  @ApiProperty({
    description: 'Dead letters with no place of Lienthong to go back to',
    type: [RefusedReplay],
  })
  refused!: RefusedReplay[];

  @ApiProperty()
  message!: string;
}

export class HoldRequest {
  @ApiPropertyOptional({ description: 'Why (kept in the audit log)', example: 'evidence for case 42' })
  @IsOptional()
  @IsString()
  reason?: string;
}
