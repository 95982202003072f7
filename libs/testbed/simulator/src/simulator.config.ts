import { num, share, str, type ConfigOf } from '@lienthong/config';

export const simulatorConfigSpec = {
  LIENTHONG_SIMULATOR: str({
    default: 'on',
    choices: ['on', 'off'],
    desc: 'Publish simulated one-stop (motcua) dossier lifecycles',
  }),
  SIMULATOR_DOSSIERS_PER_SECOND: num({ default: 2, desc: 'New simulated dossiers started each second' }),
  SIMULATOR_PAYMENT_SHARE: share({
    default: 0.4,
    example: '0.25',
    desc: 'Share (0 to 1) of the one-stop dossiers with fees whose citizen pays them online at the national payment platform: a payment request on src.motcua.payment-requests once the dossier is received (or waits for payment)',
  }),
};

export type SimulatorConfig = ConfigOf<typeof simulatorConfigSpec>;

/** Injection token of the simulator's settings, read once by the app. */
export const SIMULATOR_CONFIG = Symbol('SIMULATOR_CONFIG');
