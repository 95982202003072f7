import { lookupAnswer, soapFault, verifyAnswer } from './gateway-answers';
import {
  GATEWAY_CONTENT_TYPE,
  GatewayHeader,
  GatewayOperation,
  type GatewayOperationName,
} from './gateway.contract';
import { readGatewayRequest, type GatewayRequest } from './gateway-request';
import { UnreadableRequest } from './gateway-xml';
import { authenticationFailure, type HeaderReader } from './population-sandbox.auth';
import type { PopulationSandboxConfig } from './population-sandbox.config';
import type { PopulationSandboxRegistry } from './population-sandbox.registry';

export interface SoapCall {
  /** The URL as the caller addressed it: what the signature covers. */
  url: string;
  header: HeaderReader;
  body: string;
}

export interface SoapAnswer {
  status: number;
  xml: string;
}

const emptyCounts = () => ({
  calls: Object.fromEntries(Object.keys(GatewayOperation).map((name) => [name, 0])) as Record<
    GatewayOperationName,
    number
  >,
  found: 0,
  notFound: 0,
  authFailures: 0,
  malformed: 0,
});

/** The gateway's behaviour: authenticate, read the SOAP request, answer from the registry or with a fault. */
export class PopulationSandboxService {
  private counts = emptyCounts();

  constructor(
    private readonly config: PopulationSandboxConfig,
    private readonly registry: PopulationSandboxRegistry,
  ) {}

  handle(call: SoapCall): SoapAnswer {
    const refused = authenticationFailure(this.config, call.url, call.header);
    if (refused) {
      this.counts.authFailures++;
      return { status: 401, xml: soapFault('Client', `Xác thực không thành công: ${refused}`) };
    }
    let request: GatewayRequest;
    try {
      request = this.read(call);
    } catch (error) {
      if (!(error instanceof UnreadableRequest)) throw error;
      this.counts.malformed++;
      // SOAP 1.1 answers a fault with HTTP 500, a Client fault included.
      return { status: 500, xml: soapFault('Client', `Yêu cầu không hợp lệ: ${error.message}`) };
    }
    this.counts.calls[request.operation]++;
    return { status: 200, xml: this.answer(request) };
  }

  stats() {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = emptyCounts();
  }

  private read(call: SoapCall): GatewayRequest {
    const contentType = call.header(GatewayHeader.ContentType)?.split(';')[0].trim().toLowerCase();
    if (contentType !== GATEWAY_CONTENT_TYPE) {
      throw new UnreadableRequest(`Content-Type must be ${GATEWAY_CONTENT_TYPE}`);
    }
    return readGatewayRequest(call.body);
  }

  private answer(request: GatewayRequest): string {
    const record = this.registry.find(request);
    if (record) this.counts.found++;
    else this.counts.notFound++;
    const style = this.config.POPULATION_SANDBOX_ANSWER_STYLE;
    return request.operation === 'TraCuuThongTinCongDan'
      ? lookupAnswer(record, style)
      : verifyAnswer(record !== undefined, style);
  }
}
