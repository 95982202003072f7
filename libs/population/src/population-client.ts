import { isTransientStatus, PermanentError, reach, RetriableError } from '@lienthong/connector-runtime';
import axios, { type AxiosInstance } from 'axios';
import {
  POPULATION_CONTENT_TYPE,
  PopulationHeader,
  SoapFaultCode,
  type CitizenQuery,
  type CitizenRecord,
  type LookupQuery,
} from './population.contract';
import type { PopulationConfig } from './population.config';
import { populationAuthorization } from './signature';
import {
  lookupRequest,
  readLookupResponse,
  readVerifyResponse,
  verifyRequest,
} from './soap/population-messages';
import { MalformedXmlError, readSoapBody, type XmlElement } from './soap/soap-envelope';

/**
 * Calls the population database over SOAP with the gateway's signed headers. Failures come out
 * classified: overload, outages and timeouts are RetriableError; refused credentials, faults about our
 * request and answers we cannot read are PermanentError. Messages never carry personal data.
 */
export class PopulationClient {
  private readonly http: AxiosInstance;
  /** The URL exactly as requested, which is what the signature covers. */
  private readonly endpoint: string;

  constructor(private readonly config: PopulationConfig) {
    this.endpoint = new URL(config.POPULATION_URL).href;
    this.http = axios.create({
      timeout: config.POPULATION_TIMEOUT_MS,
      responseType: 'text',
      // The XML is read as it came; axios must not try to parse it.
      transformResponse: (data: unknown) => data,
      validateStatus: () => true,
    });
  }

  /** TraCuuThongTinCongDan: the record, or undefined when no citizen matches every given field. */
  async lookup(query: LookupQuery): Promise<CitizenRecord | undefined> {
    return this.call(lookupRequest(query), 'TraCuuThongTinCongDan', readLookupResponse);
  }

  /** XacThucThongTinCongDan: whether a citizen with this ID and name exists. */
  async verify(query: CitizenQuery): Promise<boolean> {
    return this.call(verifyRequest(query), 'XacThucThongTinCongDan', readVerifyResponse);
  }

  /** The headers of one call; the timestamp is part of the signature, so each call signs afresh. */
  signedHeaders(now = Date.now()): Record<string, string> {
    const timestamp = String(now);
    const { POPULATION_USERNAME: user, POPULATION_SECRET: secret } = this.config;
    return {
      [PopulationHeader.Timestamp]: timestamp,
      [PopulationHeader.Authorization]: populationAuthorization(this.endpoint, user, timestamp, secret),
      [PopulationHeader.Client]: this.config.POPULATION_CLIENT,
      [PopulationHeader.ApiKey]: this.config.POPULATION_API_KEY,
      [PopulationHeader.ContentType]: POPULATION_CONTENT_TYPE,
    };
  }

  private async call<Answer>(
    body: string,
    operation: string,
    read: (content: XmlElement) => Answer,
  ): Promise<Answer> {
    const { status, data } = await this.post(body, operation);
    let answer: ReturnType<typeof readSoapBody>;
    try {
      answer = readSoapBody(String(data ?? ''));
    } catch (error) {
      if (!(error instanceof MalformedXmlError)) throw error;
      // An overloaded or failing gateway (or a proxy before it) answers in HTML or plain text.
      if (isTransientStatus(status)) throw retriable(status, operation);
      throw unreadable(status, operation, error);
    }
    if ('fault' in answer) {
      const { code, message } = answer.fault;
      if (status === 401 || status === 403) {
        throw new PermanentError(
          'POPULATION_AUTH',
          `${operation}: the gateway refused our credentials: ${message}`,
        );
      }
      // A Client fault is about our request: sending it again changes nothing.
      if (code === SoapFaultCode.Client) {
        throw new PermanentError(
          'POPULATION_REJECTED',
          `${operation}: the gateway refused the request: ${message}`,
        );
      }
      throw new RetriableError('POPULATION_FAULT', `${operation}: the gateway failed (${code}): ${message}`);
    }
    if (isTransientStatus(status)) throw retriable(status, operation);
    if (status !== 200) throw new PermanentError(`POPULATION_HTTP_${status}`, `${operation}: HTTP ${status}`);
    try {
      return read(answer.content);
    } catch (error) {
      if (error instanceof MalformedXmlError) throw unreadable(status, operation, error);
      throw error;
    }
  }

  private async post(body: string, operation: string) {
    return reach('population database', operation, () =>
      this.http.post<string>(this.endpoint, body, { headers: this.signedHeaders() }),
    );
  }
}

const retriable = (status: number, operation: string) =>
  new RetriableError(`POPULATION_HTTP_${status}`, `${operation}: the gateway answered HTTP ${status}`);

const unreadable = (status: number, operation: string, error: MalformedXmlError) =>
  new PermanentError(
    'POPULATION_MALFORMED',
    `${operation}: unreadable answer (HTTP ${status}): ${error.message}`,
  );
