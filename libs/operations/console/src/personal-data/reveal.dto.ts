import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** A dossier code as the audit log may name it: no control characters, bounded. */
export const DOSSIER_CODE = /^[A-Za-z0-9._-]{1,64}$/;

export class RevealRequest {
  @ApiProperty({
    description:
      "Why this dossier's personal data is needed in clear (kept in the audit log): 5 to 500 characters, no control characters",
    example: 'citizen complaint 2026/117: ID number sent to the portal differs from the paper',
    minLength: 5,
    maxLength: 500,
  })
  @IsString()
  @Length(5, 500)
  @Matches(/^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u, { message: 'reason must not hold control characters' })
  reason!: string;
}
