import { gatewayOf, reach, targetHttp } from '@lienthong/connector-runtime';
import type { XmlElement } from '@lienthong/xml';
import type { AxiosInstance } from 'axios';
import { accessRefused, faultError, isAccessRefusal, statusError, unreadable } from './population-failures';
import {
  POPULATION_CONTENT_TYPE,
  PopulationHeader,
  PopulationOperation,
  type CitizenQuery,
  type CitizenRecord,
  type LookupQuery,
} from './population.contract';
import type { PopulationConfig } from './population.config';
import { populationAuthorization } from './signature';
import { readLookupAnswer, readVerifyAnswer } from './soap/population-answers';
import { lookupRequest, verifyRequest } from './soap/population-requests';
import { faultMessageOf, MalformedXmlError, readSoapBody } from './soap/soap-envelope';

/**
 * Calls the population database over SOAP with the gateway's signed headers, and classifies what goes
 * wrong (population-failures.ts). Messages never carry personal data.
 */
export class PopulationClient {
  private readonly http: AxiosInstance;
  /** The URL exactly as requested, which is what the signature covers. */
  private readonly endpoint: string;

  constructor(private readonly config: PopulationConfig) {
    this.endpoint = new URL(config.POPULATION_URL).href;
    this.http = targetHttp(
      config,
      {
        timeout: config.POPULATION_TIMEOUT_MS,
        responseType: 'text',
        // The XML is read as it came; axios must not try to parse it.
        transformResponse: (data: unknown) => data,
        validateStatus: () => true,
      },
      gatewayOf('POPULATION', config),
    );
  }

  /** TraCuuThongTinCongDan: the record, or undefined when no citizen matches every given field. */
  async lookup(query: LookupQuery): Promise<CitizenRecord | undefined> {
    return this.call(lookupRequest(query), PopulationOperation.Lookup.name, readLookupAnswer);
  }

  /** XacThucThongTinCongDan: whether a citizen with this ID and name exists. */
  async verify(query: CitizenQuery): Promise<boolean> {
    return this.call(verifyRequest(query), PopulationOperation.Verify.name, readVerifyAnswer);
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
    read: (bodyContent: XmlElement) => Answer,
  ): Promise<Answer> {
    const { status, data } = await reach('population database', operation, () =>
      this.http.post<string>(this.endpoint, body, { headers: this.signedHeaders() }),
    );
    const xml = String(data ?? '');
    // A refusal of our access comes first, whatever else the answer says.
    if (isAccessRefusal(status)) throw accessRefused(operation, status, faultMessageOf(xml));
    let answer: ReturnType<typeof readSoapBody>;
    try {
      answer = readSoapBody(xml);
    } catch (error) {
      if (!(error instanceof MalformedXmlError)) throw error;
      // A failing gateway, or a proxy before it, answers in HTML or plain text.
      throw status === 200 ? unreadable(operation, status, error) : statusError(operation, status);
    }
    if ('fault' in answer) throw faultError(operation, answer.fault);
    if (status !== 200) throw statusError(operation, status);
    try {
      return read(answer.content);
    } catch (error) {
      if (error instanceof MalformedXmlError) throw unreadable(operation, status, error);
      throw error;
    }
  }
}
