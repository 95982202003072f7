import { readConfig } from '@lienthong/config';
import {
  lookupRequest,
  PopulationClient,
  populationConfigSpec,
  readLookupResponse,
  readSoapBody,
  readVerifyResponse,
  verifyRequest,
} from '@lienthong/population';
import { CITIZENS } from '@lienthong/simulator';
import { populationSandboxConfigSpec } from './population-sandbox.config';
import { PopulationSandboxRegistry } from './population-sandbox.registry';
import { PopulationSandboxService } from './population-sandbox.service';

const URL = 'http://127.0.0.1:8082/dancuquocgia';
const citizen = CITIZENS[0];
const query = {
  requestId: 'r1',
  officer: 'CB01',
  serviceCode: '1.001193',
  unitCode: '000.00.12.H26',
  personalId: citizen.personalId,
  fullName: citizen.fullName,
  birthDate: citizen.birthDate,
};

describe(PopulationSandboxService.name, () => {
  const sut = new PopulationSandboxService(
    readConfig(populationSandboxConfigSpec, {}),
    new PopulationSandboxRegistry(),
  );
  // The connector's own signing, with the defaults both sides share.
  const client = new PopulationClient(readConfig(populationConfigSpec, { POPULATION_URL: URL }));
  const call = (body: string, headers: Record<string, string> = client.signedHeaders(), url = URL) => {
    const lower = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    return sut.handle({ url, body, header: (name) => lower[name.toLowerCase()] });
  };
  const content = (xml: string) => {
    const body = readSoapBody(xml);
    if ('fault' in body) throw new Error(body.fault.message);
    return body.content;
  };

  it('finds a registry citizen by personal ID, name (any accents or case) and birth date', () => {
    for (const fullName of [citizen.fullName, citizen.fullName.toUpperCase()]) {
      const answer = call(lookupRequest({ ...query, fullName }));
      expect(answer.status).toBe(200);
      expect(readLookupResponse(content(answer.xml))).toMatchObject({ SoDinhDanh: citizen.personalId });
    }
  });

  it('finds nobody when the name or the birth date differs, or the ID is unknown', () => {
    for (const wrong of [
      { fullName: 'Trần Văn Không' },
      { birthDate: '1901-01-01' },
      { personalId: '095090000001' },
    ]) {
      expect(readLookupResponse(content(call(lookupRequest({ ...query, ...wrong })).xml))).toBeUndefined();
    }
  });

  it('answers a verification with TonTai', () => {
    expect(readVerifyResponse(content(call(verifyRequest(query)).xml))).toBe(true);
    expect(readVerifyResponse(content(call(verifyRequest({ ...query, fullName: 'Ai Đó' })).xml))).toBe(false);
  });

  it('refuses with 401 and a Client fault: a wrong secret, another URL, a stale timestamp, a missing header', () => {
    const signed = client.signedHeaders();
    const wrongSecret = new PopulationClient(
      readConfig(populationConfigSpec, { POPULATION_URL: URL, POPULATION_SECRET: 'guess' }),
    ).signedHeaders();
    const withoutApiKey = Object.fromEntries(Object.entries(signed).filter(([name]) => name !== 'ApiKey'));
    const refused = [
      call(lookupRequest(query), wrongSecret),
      call(lookupRequest(query), signed, 'http://127.0.0.1:8082/other'),
      call(lookupRequest(query), client.signedHeaders(Date.now() - 10 * 60_000)),
      call(lookupRequest(query), withoutApiKey),
      call(lookupRequest(query), { ...signed, 'X-Road-Client': 'VN/COM/x' }),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(401);
      expect(readSoapBody(answer.xml)).toMatchObject({ fault: { code: 'Client' } });
    }
    expect(sut.stats().authFailures).toBe(refused.length);
  });

  it('answers malformed requests with 500 and a Client fault', () => {
    const malformed = [
      call(lookupRequest(query), { ...client.signedHeaders(), 'Content-Type': 'application/json' }),
      call('<not-soap/>'),
      call(lookupRequest(query).replace('>037<', '>033<')),
      call(lookupRequest({ ...query, personalId: '12345' })),
    ];
    for (const answer of malformed) {
      expect(answer.status).toBe(500);
      expect(readSoapBody(answer.xml)).toMatchObject({ fault: { code: 'Client' } });
    }
  });
});
