import type { NextFunction, Request, Response } from 'express';

const XML_TYPES = /^(application|text)\/(.+\+)?xml\b/i;

/**
 * Reads an XML request body as text. The apps parse JSON only; edXML travels as `application/xml`.
 * A body over the limit is refused with 413 before it is held in memory whole.
 */
export function xmlBodyMiddleware(limitBytes: number) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!XML_TYPES.test(request.headers['content-type'] ?? '')) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes && !refused) {
        refused = true;
        response.status(413).json({ error: `package larger than ${limitBytes} bytes` });
      }
      if (!refused) chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      request.body = Buffer.concat(chunks).toString('utf8');
      next();
    });
    request.on('error', next);
  };
}
