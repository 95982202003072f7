import { num, port, secret, str, url, type ConfigOf } from '@lienthong/config';
import { gatewayConfigSpec, targetHttpConfigSpec } from '@lienthong/connector-runtime';
import { makeValidator } from 'envalid';

/** A comma-separated list of system names, e.g. `motcua,gtvt`. */
const systemList = makeValidator<string[]>((input) => {
  const systems = String(input)
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (systems.length === 0 || systems.some((system) => !/^[a-z0-9-]+$/.test(system))) {
    throw new Error('expected comma-separated system names (lower case), e.g. motcua,gtvt');
  }
  return systems;
});

/** The platform's single endpoint in the sandbox; a real platform gives its own URLs (DOMAIN.md). */
const SANDBOX_ENDPOINT = 'http://127.0.0.1:8085/api/payment';

export const paymentConfigSpec = {
  ...targetHttpConfigSpec,
  ...gatewayConfigSpec('PAYMENT'),
  PAYMENT_INIT_URL: url({
    default: SANDBOX_ENDPOINT,
    desc: 'Where INIT is POSTed (the national payment platform, often behind the gateway); one URL may serve INIT, QUERY and GET_BILL, LoaiBanTin tells them apart',
  }),
  PAYMENT_QUERY_URL: url({
    default: SANDBOX_ENDPOINT,
    desc: 'Where QUERY is POSTed to learn the state of a transaction (reconciliation of lost callbacks)',
  }),
  PAYMENT_BILL_URL: url({
    default: SANDBOX_ENDPOINT,
    desc: 'Where GET_BILL is POSTed to fetch the receipt of a paid transaction',
  }),
  PAYMENT_TIMEOUT_MS: num({
    default: 15_000,
    desc: 'How long one call to the platform (INIT, QUERY, GET_BILL) waits for its answer; an INIT that times out is repeated with its MaThamChieu',
  }),
  PAYMENT_PARTNER_CODE: str({
    default: 'LIENTHONG',
    desc: 'MaDoiTac: the partner code the platform issued to the province',
  }),
  PAYMENT_SECRET: secret({
    default: 'lienthong-payment-secret',
    desc: 'Shared secret of MaXacThuc (sha256 of the fields and the secret), for our messages and the platform results; never sent, never logged',
  }),
  PAYMENT_CALLER_IP: str({
    default: '127.0.0.1',
    example: '203.0.113.10',
    desc: "Ip of each INIT: the address the platform sees Lienthong's calls come from (the city's egress)",
  }),
  PAYMENT_CALLBACK_PORT: port({
    default: 8094,
    desc: "Port the platform's result callback is served on (behind the city's ingress)",
  }),
  PAYMENT_CALLBACK_PATH: str({
    default: '/payment/callback',
    desc: 'Path of the result callback (POST), as registered with the platform',
  }),
  PAYMENT_SOURCE_SYSTEMS: systemList({
    default: ['motcua'],
    example: 'motcua,gtvt',
    desc: 'The sector systems whose payment requests are read, each from src.<system>.payment-requests',
  }),
  PAYMENT_RECONCILE_AFTER_S: num({
    default: 1800,
    desc: 'How old an initiated payment must be before reconciliation QUERYs it (its callback is taken as lost)',
  }),
  PAYMENT_RECONCILE_WINDOW_H: num({
    default: 72,
    desc: 'How far back reconciliation looks for payments still initiated',
  }),
  PAYMENT_RECEIPT_BASE_URL: url({
    default: 'http://127.0.0.1:8080',
    example: 'https://lienthong-console.example.gov.vn',
    desc: "The operator console's address as operators reach it: a receipt's receiptUrl on payment.v1 is <this>/api/v1/payments/<MaThamChieu>/receipt",
  }),
  PAYMENT_RECEIPT_EVERY_S: num({
    default: 30,
    desc: 'Seconds between two passes over the receipts due (GET_BILL of paid payments); a callback that makes a payment paid also starts one at once; 0 leaves them to the callbacks and reconciliation',
  }),
  PAYMENT_RECEIPT_RETRY_S: num({
    default: 60,
    desc: 'Seconds before a failed GET_BILL is tried again; doubled at each failure, up to an hour',
  }),
  PAYMENT_RECONCILE_EVERY_S: num({
    default: 300,
    desc: 'Seconds between two reconciliation runs (one run across replicas)',
  }),
};

export type PaymentConfig = ConfigOf<typeof paymentConfigSpec>;
