import {
  isTransientStatus,
  PermanentError,
  RetriableError,
  TargetAccessError,
} from '@lienthong/connector-runtime';
import { maskPersonalData } from '@lienthong/observability';
import { SoapFaultCode } from './population.contract';
import type { MalformedXmlError, SoapFault } from './soap/soap-envelope';

/**
 * How the population gateway's failures are classified, so the runtime knows what to do with them:
 * - our access refused (401/403): TargetAccessError, retried and held, an operator fixes the access;
 * - the gateway overloaded or failing (429, 5xx, a Server fault, a proxy's HTML page): RetriableError;
 * - our request refused (a Client fault) or an answer we cannot read: PermanentError, dead-lettered.
 * Messages never carry personal data: a gateway's fault text is masked before it is quoted.
 */

/** Refusals of our access rather than of a dossier: credentials, API key, or a signature out of date. */
export const isAccessRefusal = (status: number): boolean => status === 401 || status === 403;

/** What to check, in the order it usually goes wrong. */
const ACCESS_CHECKLIST =
  'check POPULATION_USERNAME and POPULATION_SECRET (rotated at the gateway?), POPULATION_API_KEY and ' +
  'POPULATION_CLIENT (X-Road-Client) with the gateway operator, whether the account is locked, and ' +
  "that this host's clock is NTP-synchronised (the signed Timestamp must be within the gateway's skew)";

const quoted = (message: string | undefined) => (message ? `: ${maskPersonalData(message) as string}` : '');

export function accessRefused(operation: string, status: number, faultMessage?: string): TargetAccessError {
  return new TargetAccessError(
    'POPULATION_ACCESS_REFUSED',
    `${operation}: the population gateway refused our access (HTTP ${status}${quoted(faultMessage)}); ${ACCESS_CHECKLIST}`,
  );
}

/** A Client fault is about our request (sending it again changes nothing); any other is the gateway's. */
export function faultError(operation: string, { code, message }: SoapFault): RetriableError | PermanentError {
  if (code.split('.')[0] === SoapFaultCode.Client) {
    return new PermanentError(
      'POPULATION_REJECTED',
      `${operation}: the gateway refused the request${quoted(message)}`,
    );
  }
  return new RetriableError(
    'POPULATION_FAULT',
    `${operation}: the gateway failed (${code})${quoted(message)}`,
  );
}

/**
 * A status without a SOAP answer to explain it. No such endpoint is our configuration's fault, not a
 * dossier's: held like a refused access until POPULATION_URL is put right.
 */
export function statusError(operation: string, status: number): RetriableError | PermanentError {
  const message = `${operation}: the gateway answered HTTP ${status}`;
  if (status === 404 || status === 405) {
    return new TargetAccessError(
      'POPULATION_ENDPOINT_NOT_FOUND',
      `${message}: no such endpoint; check POPULATION_URL (the gateway's SOAP address, path included)`,
    );
  }
  return isTransientStatus(status)
    ? new RetriableError(`POPULATION_HTTP_${status}`, message)
    : new PermanentError(`POPULATION_HTTP_${status}`, message);
}

export function unreadable(operation: string, status: number, error: MalformedXmlError): PermanentError {
  return new PermanentError(
    'POPULATION_MALFORMED',
    `${operation}: unreadable answer (HTTP ${status}): ${error.message}`,
  );
}
