import type { NextFunction, Request, Response } from 'express';
import type { GatewayCheck } from './gateway-check';
import { GATEWAY_TOKEN_PATH } from './gateway-check.controller';

/** Every call of the sandbox's own API (not /token, not /_sandbox) must pass the gateway, else 401. */
export function gatewayCheckMiddleware(check: GatewayCheck) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const path = request.originalUrl;
    if (path.startsWith('/_sandbox') || path === GATEWAY_TOKEN_PATH || check.admits(request.headers))
      return next();
    // WSO2's answer to a missing, unknown or expired token.
    response.status(401).json({
      code: '900901',
      message: 'Invalid Credentials',
      description: 'Invalid Credentials. Make sure you have provided the correct security credentials',
    });
  };
}
