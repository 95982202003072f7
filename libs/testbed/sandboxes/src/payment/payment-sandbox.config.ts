import { bool, num, port, secret, share, str, type ConfigOf } from '@lienthong/config';
import { faultPlan, NO_FAULTS } from '../faults';
import { sandboxGatewayConfigSpec } from '../gateway';
import { ANSWER_STYLES } from './payment-platform.contract';

const shareOf = (desc: string, fallback: number) =>
  share({ default: fallback, desc: `${desc}: a share from 0 to 1` });

export const paymentSandboxConfigSpec = {
  PAYMENT_SANDBOX_PORT: port({
    default: 8085,
    desc: 'Port of the national-payment-platform sandbox on 127.0.0.1',
  }),
  PAYMENT_SANDBOX_PATH: str({
    default: '/api/payment',
    example: '/paygate/v1/transactions',
    desc: 'Path of the platform endpoint that takes INIT, QUERY and GET_BILL (told apart by LoaiBanTin)',
  }),
  PAYMENT_SANDBOX_PARTNER_CODE: str({
    default: 'LIENTHONG',
    desc: 'MaDoiTac the sandbox accepts (the partner code the platform issued to the province)',
  }),
  PAYMENT_SANDBOX_SECRET: secret({
    default: 'lienthong-payment-secret',
    desc: 'Shared secret the sandbox checks and signs MaXacThuc with',
  }),
  PAYMENT_SANDBOX_PUBLIC_URL: str({
    default: '',
    example: 'http://127.0.0.1:8085',
    desc: 'Base of the UrlThanhToan pay pages; empty: the address the INIT was sent to',
  }),
  PAYMENT_SANDBOX_ANSWER_STYLE: str({
    choices: ANSWER_STYLES,
    default: 'direct',
    example: 'gateway-wrapper',
    desc: 'How INIT is answered: direct {MaLoi, MoTaLoi, …, UrlThanhToan} (OpenCPS) or gateway-wrapper {error_code, message: "<JSON string>"} (Thanh Hóa)',
  }),
  PAYMENT_SANDBOX_CALLBACK_URL: str({
    default: 'http://127.0.0.1:8094/payment/callback',
    desc: "Where the sandbox POSTs each signed result (the province's callback URL, registered with the platform)",
  }),
  PAYMENT_SANDBOX_RESULT_TYPE: str({
    default: 'CONFIRM',
    desc: 'LoaiBanTin of the result callback (not public: DOMAIN.md calls CONFIRM illustrative; a client verifies over the value received)',
  }),
  PAYMENT_SANDBOX_AUTO_SETTLE: bool({
    default: true,
    desc: 'Settle every payment by itself after PAYMENT_SANDBOX_SETTLE_AFTER_MS; false: only POST /_sandbox/transactions/:reference/settle does',
  }),
  PAYMENT_SANDBOX_SETTLE_AFTER_MS: num({
    default: 2_000,
    desc: 'How long after its INIT the citizen finishes paying (or fails to); until then QUERY answers TrangThaiGD 3',
  }),
  PAYMENT_SANDBOX_PAID_SHARE: shareOf('Payments that end paid (the rest fail, MaLoi 99)', 0.9),
  PAYMENT_SANDBOX_LOST_CALLBACKS: shareOf(
    'Result callbacks the sandbox never sends (QUERY still answers)',
    0,
  ),
  PAYMENT_SANDBOX_CALLBACK_ATTEMPTS: num({
    default: 3,
    desc: 'Tries per callback: a failed try (network error, HTTP error, an answer other than MaLoi 00) is retried',
  }),
  PAYMENT_SANDBOX_CALLBACK_RETRY_MS: num({
    default: 1_000,
    desc: 'Pause between two tries of one callback',
  }),
  PAYMENT_SANDBOX_CALLBACK_TIMEOUT_MS: num({
    default: 5_000,
    desc: 'How long one callback try waits for the answer',
  }),
  ...sandboxGatewayConfigSpec('PAYMENT'),
  PAYMENT_SANDBOX_FAULTS: faultPlan({
    default: NO_FAULTS,
    desc: 'Injected faults on the platform endpoint, pay pages and /token, JSON: {"rate":0.3,"kinds":["5xx","429","timeout","drop","html","lost-answer"],"latencyMs":0,"timeoutMs":15000}',
  }),
};

export type PaymentSandboxConfig = ConfigOf<typeof paymentSandboxConfigSpec>;

/** Injection token of the payment sandbox's settings, read once by the app. */
export const PAYMENT_SANDBOX_CONFIG = Symbol('PAYMENT_SANDBOX_CONFIG');
