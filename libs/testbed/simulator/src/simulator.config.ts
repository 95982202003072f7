import { num, str, type ConfigOf } from '@lienthong/config';

export const simulatorConfigSpec = {
  LIENTHONG_SIMULATOR: str({
    default: 'on',
    choices: ['on', 'off'],
    desc: 'Publish simulated one-stop (motcua) dossier lifecycles',
  }),
  SIMULATOR_DOSSIERS_PER_SECOND: num({ default: 2, desc: 'New simulated dossiers started each second' }),
};

export type SimulatorConfig = ConfigOf<typeof simulatorConfigSpec>;

/** Injection token of the simulator's settings, read once by the app. */
export const SIMULATOR_CONFIG = Symbol('SIMULATOR_CONFIG');
