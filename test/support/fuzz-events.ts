import fc from 'fast-check';
import { motcuaLifecycle, SIMULATED_SYSTEMS } from '@lienthong/simulator';

/** One generated source event, as a sector system (or a broken one) would publish it. */
export interface FuzzEvent {
  system: string;
  bytes: Buffer;
}

type Mutation = (text: string, random: () => number) => string | Buffer;

const at = (text: string, random: () => number) => Math.floor(random() * text.length);

/** What broken sources send: every one applies to JSON and XML alike, as text or bytes. */
const MUTATIONS: Record<string, Mutation> = {
  truncated: (text, random) => text.slice(0, at(text, random)),
  brokenUtf8: (text, random) => {
    const cut = at(text, random);
    return Buffer.concat([
      Buffer.from(text.slice(0, cut)),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(text.slice(cut)),
    ]);
  },
  badOffset: (text) => text.replace(/\+07:00/g, '+99:99').replace(/\/2024 /g, '/2024 99:'),
  hugeNumbers: (text) => text.replace(/(?<=[:>]\s*)\d+(?=[,<}\n])/g, '1e400'),
  negativeSequence: (text) =>
    text.replace(/("version"|"seq"):\s*\d+/, '$1: -1').replace(/<SoThuTu>\d+/, '<SoThuTu>-1'),
  protoKeys: (text) =>
    text.replace(/^\s*\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},'),
  deepNesting: (text) =>
    text.replace(/("hoSo"|"application"):/, `$1:${'['.repeat(20_000)}1${']'.repeat(20_000)},"x":`),
  xmlEntities: (text) =>
    text.replace(
      /<\?xml[^>]*\?>/,
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    ),
  droppedField: (text, random) => {
    const fields = [...text.matchAll(/"(\w+)":|<(\w+)>/g)];
    const [, json, xml] = fields[Math.floor(random() * fields.length)] ?? [];
    return json
      ? text.replace(new RegExp(`"${json}":\\s*("[^"]*"|[^,}]*),?`), '')
      : text.replace(new RegExp(`<${xml}>[^<]*</${xml}>`), '');
  },
  wrongTypes: (text) =>
    text
      .replace(/"(\w+)":\s*"([^"]*)"/, '"$1": {"nested": ["$2"]}')
      .replace(/<(\w+)>([^<]*)<\/\1>/, '<$1><x>$2</x></$1>'),
  oversized: (text) => text.replace(/(Đề nghị|summary|Đăng ký)/, `$1${'x'.repeat(600 * 1024)}`),
  controlCharacters: (text) => text.replace(/(H26-\d{6}-)/, '$1\u0000\u0007'),
  emptyDocument: () => '',
};

/**
 * `count` source events of the three systems, each from a real lifecycle of its own dossier (serials
 * from `firstSerial`), given a unique event id and then broken in one of the ways broken sources break
 * them (some breakages leave a valid event). Deterministic for a seed.
 */
export function fuzzEvents(count: number, firstSerial: number, seed = 20261123): FuzzEvent[] {
  const names = Object.keys(MUTATIONS);
  const plans = fc.sample(
    fc.record({
      mutation: fc.constantFrom(...names),
      system: fc.nat(2),
      step: fc.nat(5),
      noise: fc.integer(),
    }),
    { numRuns: count, seed },
  );
  return plans.map(({ mutation, system, step, noise }, index) => {
    const { system: name, encode } = SIMULATED_SYSTEMS[system];
    const events = motcuaLifecycle(firstSerial + index, Date.parse('2026-01-05T01:00:00Z'));
    const { value } = encode(events[Math.min(step, events.length - 1)]);
    const unique = value
      .replace(/("eventId"|"id"):\s*"[^"]*"/, `$1:"fuzz-${index}"`)
      .replace(/<MaSuKien>[^<]*<\/MaSuKien>/, `<MaSuKien>fuzz-${index}</MaSuKien>`);
    let state = noise;
    const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    const broken = MUTATIONS[mutation](unique, random);
    return { system: name, bytes: Buffer.isBuffer(broken) ? broken : Buffer.from(broken) };
  });
}
