import { readConfig } from '@lienthong/config';
import { RetriableError, TargetAccessError } from '@lienthong/connector-runtime';
import { DocumentsExchangeClient } from '@lienthong/documents';
import { PortalClient, portalConfigSpec } from '@lienthong/national-portal';
import { PopulationClient, populationConfigSpec } from '@lienthong/population';
import { hostileTarget } from '../support/hostile-target';

const LIMIT = '262144';

/** One call of each target client, made against the URL given; what matters is how it fails. */
const clients: [string, (url: string) => Promise<unknown>][] = [
  [
    PortalClient.name,
    (url) =>
      new PortalClient(
        readConfig(portalConfigSpec, { PORTAL_URL: url, HTTP_MAX_ANSWER_BYTES: LIMIT }),
      ).lookup('000.00.01.H26-260101-0001'),
  ],
  [
    PopulationClient.name,
    (url) =>
      new PopulationClient(
        readConfig(populationConfigSpec, {
          POPULATION_URL: `${url}/dancuquocgia`,
          HTTP_MAX_ANSWER_BYTES: LIMIT,
        }),
      ).verify({ identity: { kind: 'CCCD', number: '001068403043' }, fullName: 'Đỗ Văn Cường' } as never),
  ],
  [
    DocumentsExchangeClient.name,
    (url) =>
      new DocumentsExchangeClient({
        DOCUMENTS_URL: url,
        DOCUMENTS_TIMEOUT_MS: 10_000,
        HTTP_MAX_ANSWER_BYTES: Number(LIMIT),
      }).fetch('package-1'),
  ],
];

describe('target HTTP clients', () => {
  let target: Awaited<ReturnType<typeof hostileTarget>>;

  beforeAll(async () => {
    target = await hostileTarget();
  });
  afterAll(() => target.close());

  it.each(clients)(
    '%s refuses a redirect to another host: its credentials never leave',
    async (_name, call) => {
      target.behave({ kind: 'redirect-away' });
      const error = await call(target.url).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TargetAccessError);
      expect(error).toMatchObject({ code: 'HTTP_REDIRECT_REFUSED' });
      expect(target.home).toHaveLength(1);
      expect(target.elsewhere).toEqual([]);
    },
  );

  it.each(clients)('%s cuts off an answer over HTTP_MAX_ANSWER_BYTES', async (_name, call) => {
    target.behave({ kind: 'stream', bytes: 40 * Number(LIMIT) });
    const error = await call(target.url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetriableError);
    expect(error).toMatchObject({ code: 'HTTP_ANSWER_TOO_LARGE' });
  });
});
