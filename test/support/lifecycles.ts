import { motcuaLifecycle, seededRandom } from '@lienthong/simulator';

/**
 * A one-stop dossier with at least `steps` events, the same on every run: a random lifecycle may stop
 * early (a dossier still in process), which a test that needs its later steps cannot use.
 */
export function dossierWithSteps(serial: number, startMs: number, steps: number) {
  for (let seed = serial; ; seed += 7_919) {
    const events = motcuaLifecycle(serial, startMs, seededRandom(seed));
    if (events.length >= steps) return events;
  }
}
