import { SetMetadata } from '@nestjs/common';
import type { Role } from '@lienthong/access';

export const REQUIRED_ROLE = Symbol('REQUIRED_ROLE');

/** The least role a route needs; routes without it need `viewer`. */
export const RequiresRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
