import { createHash } from 'node:crypto';
import { readConfig } from '@lienthong/config';
import { CITIZENS } from '@lienthong/simulator';
import { CITIZEN_NAMESPACE, SOAP_NAMESPACE } from './gateway.contract';
import type { XmlNode } from '../xml';
import { childrenNamed, readGatewayXml } from './gateway-xml';
import { goldenMessage } from './golden-messages.fixture';
import { populationSandboxConfigSpec } from './population-sandbox.config';
import { PopulationSandboxRegistry, type RegisteredPerson } from './population-sandbox.registry';
import { PopulationSandboxService } from './population-sandbox.service';

const URL = 'http://127.0.0.1:8082/dancuquocgia';
const config = readConfig(populationSandboxConfigSpec, {});

/** The headers a caller signs, by DOMAIN.md's formula, with the sandbox's default credentials. */
function signedHeaders(
  overrides: { secret?: string; url?: string; now?: number } = {},
): Record<string, string> {
  const timestamp = String(overrides.now ?? Date.now());
  const user = config.POPULATION_SANDBOX_USERNAME;
  const signature = createHash('sha256')
    .update(
      `${overrides.url ?? URL}${user}${timestamp}${overrides.secret ?? config.POPULATION_SANDBOX_SECRET}`,
    )
    .digest('hex');
  return {
    Timestamp: timestamp,
    Authorization: `Basic ${Buffer.from(`${user}:${signature}`).toString('base64')}`,
    'X-Road-Client': config.POPULATION_SANDBOX_CLIENT,
    ApiKey: config.POPULATION_SANDBOX_API_KEY,
    'Content-Type': 'application/xml',
  };
}

/** A lookup for someone, written by hand as the contract has it. */
function lookup(fields: { SoDinhDanh?: string; SoCMND?: string; HoVaTen: string; birth: string }): string {
  const id = fields.SoDinhDanh
    ? `<d:SoDinhDanh>${fields.SoDinhDanh}</d:SoDinhDanh>`
    : `<d:SoCMND>${fields.SoCMND}</d:SoCMND>`;
  return (
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
    `<d:TraCuuThongTinCongDan xmlns:d="http://dancuquocgia.bca"><d:MaYeuCau>r1</d:MaYeuCau>` +
    `<d:MaTichHop>037</d:MaTichHop><d:MaCanBo>CB01</d:MaCanBo>${id}<d:HoVaTen>${fields.HoVaTen}</d:HoVaTen>` +
    `<d:NgayThangNamSinh>${fields.birth}</d:NgayThangNamSinh></d:TraCuuThongTinCongDan></s:Body></s:Envelope>`
  );
}
const compact = (date: string) => date.replace(/-/g, '');
const unaccentedUpper = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase();

/** The CongDan of a real-style lookup answer as [SoDinhDanh, SoCMND, Ho, Ten], read with the sandbox's reader. */
function foundCitizen(xml: string): string[] | undefined {
  const [body] = childrenNamed(readGatewayXml(xml), SOAP_NAMESPACE, 'Body');
  const [citizen] = childrenNamed(body.kids[0], CITIZEN_NAMESPACE, 'CongDan');
  if (!citizen) return undefined;
  const text = (parent: XmlNode, name: string) => childrenNamed(parent, CITIZEN_NAMESPACE, name)[0].text;
  const [name] = childrenNamed(citizen, CITIZEN_NAMESPACE, 'HoVaTen');
  return [text(citizen, 'SoDinhDanh'), text(citizen, 'SoCMND'), text(name, 'Ho'), text(name, 'Ten')];
}

describe(PopulationSandboxService.name, () => {
  const build = (env: Record<string, string> = {}, people?: RegisteredPerson[]) => {
    const sandboxConfig = readConfig(populationSandboxConfigSpec, env);
    const registry = new PopulationSandboxRegistry(sandboxConfig.POPULATION_SANDBOX_NAME_STYLE, people);
    return new PopulationSandboxService(sandboxConfig, registry);
  };
  const call = (sut: PopulationSandboxService, body: string, headers = signedHeaders(), url = URL) => {
    const lower = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    return sut.handle({ url, body, header: (name) => lower[name.toLowerCase()] });
  };
  const split = CITIZENS[1];
  const wholeInTen = CITIZENS[3];
  const byId = (citizen = split, overrides: Partial<Parameters<typeof lookup>[0]> = {}) =>
    lookup({
      SoDinhDanh: citizen.personalId,
      HoVaTen: unaccentedUpper(citizen.fullName),
      birth: `<d:NgayThangNam>${compact(citizen.birthDate)}</d:NgayThangNam>`,
      ...overrides,
    });

  it('answers in the real shape by default, every third registry citizen whole in Ten', () => {
    const sut = build();
    const splitAnswer = call(sut, byId(split));
    expect(splitAnswer.status).toBe(200);
    expect(splitAnswer.xml).toMatch(/^<soapenv:Envelope[^>]*>\n {2}<soapenv:Header xmlns:dan=/);
    expect(foundCitizen(splitAnswer.xml)).toEqual([split.personalId, '', split.familyName, split.givenName]);
    expect(foundCitizen(call(sut, byId(wholeInTen)).xml)).toEqual([
      wholeInTen.personalId,
      '',
      '',
      wholeInTen.fullName.toUpperCase(),
    ]);
    expect(sut.stats()).toMatchObject({ calls: { TraCuuThongTinCongDan: 2 }, found: 2 });
  });

  it.each([
    ['split', [split.familyName, split.givenName]],
    ['whole-in-ten', ['', split.fullName.toUpperCase()]],
  ])('puts every name %s when told to', (style, [ho, ten]) => {
    const sut = build({ POPULATION_SANDBOX_NAME_STYLE: style });
    expect(foundCitizen(call(sut, byId(split)).xml)?.slice(2)).toEqual([ho, ten]);
  });

  it('answers in the older wrapped shape when told to', () => {
    const sut = build({ POPULATION_SANDBOX_ANSWER_STYLE: 'wrapped' });
    const { xml } = call(sut, byId(split));
    expect(xml).toContain('<tns:TraCuuThongTinCongDanResponse');
    expect(xml).not.toContain('\n');
  });

  it('matches the name folded: any accents, case or spacing, whole or split', () => {
    const sut = build();
    for (const HoVaTen of [wholeInTen.fullName, wholeInTen.fullName.replace(/ /g, '  ').toLowerCase()]) {
      expect(foundCitizen(call(sut, byId(wholeInTen, { HoVaTen })).xml)).toBeDefined();
    }
  });

  it('matches the birth year alone', () => {
    const birth = `<d:Nam>${split.birthDate.slice(0, 4)}</d:Nam>`;
    expect(foundCitizen(call(build(), byId(split, { birth })).xml)).toBeDefined();
  });

  it('finds nobody when the name, the birth date or the ID differs', () => {
    const sut = build();
    for (const wrong of [
      { HoVaTen: 'TRAN VAN KHONG' },
      { birth: '<d:NgayThangNam>19010101</d:NgayThangNam>' },
      { birth: '<d:Nam>1901</d:Nam>' },
      { SoDinhDanh: '095090000001' },
    ]) {
      expect(foundCitizen(call(sut, byId(split, wrong)).xml)).toBeUndefined();
    }
    expect(sut.stats()).toMatchObject({ found: 0, notFound: 4 });
  });

  it('finds a registered old-card holder by SoCMND', () => {
    const sut = build({}, [{ citizen: split, oldCardNumber: '012345678' }]);
    const answer = call(sut, byId(split, { SoDinhDanh: undefined, SoCMND: '012345678' }));
    expect(foundCitizen(answer.xml)?.slice(0, 2)).toEqual([split.personalId, '012345678']);
    const unknownCard = call(sut, byId(split, { SoDinhDanh: undefined, SoCMND: '098765432' }));
    expect(foundCitizen(unknownCard.xml)).toBeUndefined();
  });

  it('answers a verification with TonTai', () => {
    const verification = (name: string) =>
      byId(split, { HoVaTen: name })
        .replace(/TraCuuThongTinCongDan/g, 'XacThucThongTinCongDan')
        .replace('<d:MaTichHop>037</d:MaTichHop>', '');
    const sut = build();
    expect(call(sut, verification(split.fullName)).xml).toContain('<dan:TonTai>true</dan:TonTai>');
    expect(call(sut, verification('Ai Đó')).xml).toContain('<dan:TonTai>false</dan:TonTai>');
  });

  it('refuses with 401 and a Client fault: a wrong secret, another URL, a stale timestamp, a missing or wrong header', () => {
    const sut = build();
    const withoutApiKey = signedHeaders();
    delete withoutApiKey.ApiKey;
    const refused = [
      call(sut, byId(), signedHeaders({ secret: 'guess' })),
      call(sut, byId(), signedHeaders(), 'http://127.0.0.1:8082/other'),
      call(sut, byId(), signedHeaders({ now: Date.now() - 10 * 60_000 })),
      call(sut, byId(), withoutApiKey),
      call(sut, byId(), { ...signedHeaders(), 'X-Road-Client': 'VN/COM/x' }),
      call(sut, byId(), { ...signedHeaders(), Authorization: 'Bearer abc' }),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(401);
      expect(answer.xml).toContain('<faultcode>soapenv:Client</faultcode>');
    }
    expect(sut.stats()).toMatchObject({ authFailures: refused.length, found: 0 });
  });

  it('answers malformed requests with 500 and a Client fault', () => {
    const sut = build();
    const malformed = [
      call(sut, byId(), { ...signedHeaders(), 'Content-Type': 'application/json' }),
      call(sut, '<not-soap/>'),
      call(sut, goldenMessage('requests/not-ok/lookup-both-birth-forms.xml')),
      call(sut, goldenMessage('requests/not-ok/lookup-with-doctype.xml')),
    ];
    for (const answer of malformed) {
      expect(answer.status).toBe(500);
      expect(answer.xml).toContain('<faultcode>soapenv:Client</faultcode>');
    }
    expect(sut.stats()).toMatchObject({ malformed: malformed.length });
  });
});
