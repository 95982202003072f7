import {
  MalformedXmlError,
  POPULATION_CONTENT_TYPE,
  PopulationHeader,
  PopulationOperation,
  SoapFaultCode,
  lookupResponse,
  readPopulationRequest,
  readSoapBody,
  soapFault,
  verifyResponse,
  type PopulationOperationName,
  type PopulationRequest,
} from '@lienthong/population';
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
  calls: { [PopulationOperation.Lookup.name]: 0, [PopulationOperation.Verify.name]: 0 } as Record<
    PopulationOperationName,
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
      return { status: 401, xml: soapFault(SoapFaultCode.Client, `Xác thực không thành công: ${refused}`) };
    }
    let request: PopulationRequest;
    try {
      request = this.read(call);
    } catch (error) {
      if (!(error instanceof MalformedXmlError)) throw error;
      this.counts.malformed++;
      return { status: 500, xml: soapFault(SoapFaultCode.Client, `Yêu cầu không hợp lệ: ${error.message}`) };
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

  private read(call: SoapCall): PopulationRequest {
    const contentType = call.header(PopulationHeader.ContentType)?.split(';')[0].trim().toLowerCase();
    if (contentType !== POPULATION_CONTENT_TYPE) {
      throw new MalformedXmlError(`Content-Type must be ${POPULATION_CONTENT_TYPE}`);
    }
    const envelope = readSoapBody(call.body);
    if ('fault' in envelope) throw new MalformedXmlError('a request cannot be a Fault');
    const request = readPopulationRequest(envelope.content);
    const operation = Object.values(PopulationOperation).find(({ name }) => name === request.operation)!;
    // The lookup names its integration code; verification may leave it out, but must not give another.
    const mayOmitCode = operation === PopulationOperation.Verify && request.integrationCode === undefined;
    if (!mayOmitCode && request.integrationCode !== operation.integrationCode) {
      throw new MalformedXmlError(`MaTichHop must be ${operation.integrationCode} for ${operation.name}`);
    }
    if (!request.personalId && !request.oldCardNumber)
      throw new MalformedXmlError('SoDinhDanh or SoCMND is required');
    if (request.personalId && !/^\d{12}$/.test(request.personalId)) {
      throw new MalformedXmlError('SoDinhDanh must have 12 digits');
    }
    if (request.birthDate && !/^\d{8}$/.test(request.birthDate)) {
      throw new MalformedXmlError('NgayThangNamSinh/NgayThangNam must be yyyyMMdd');
    }
    if (operation === PopulationOperation.Verify && !request.fullName) {
      throw new MalformedXmlError('HoVaTen is required');
    }
    return request;
  }

  private answer(request: PopulationRequest): string {
    const record = this.registry.find(request);
    if (record) this.counts.found++;
    else this.counts.notFound++;
    return request.operation === PopulationOperation.Lookup.name
      ? lookupResponse(record)
      : verifyResponse(record !== undefined);
  }
}
