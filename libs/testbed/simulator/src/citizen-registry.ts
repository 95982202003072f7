import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from './vietnamese-data';

export type Random = () => number;
export type Sex = 'male' | 'female';

/** A person as the population database holds them; the sandbox knows exactly these people. */
export interface Citizen {
  /** 12-digit personal ID (CCCD) whose century/sex digit and year agree with the birth date. */
  personalId: string;
  familyName: string;
  middleName: string;
  givenName: string;
  /** "Family middle given", with accents, as people write it. */
  fullName: string;
  sex: Sex;
  /** yyyy-MM-dd */
  birthDate: string;
  /** Province-of-birth code: the first three digits of the personal ID. */
  provinceCode: string;
}

export const CITIZEN_REGISTRY_SIZE = 1000;
const REGISTRY_SEED = 0x1ea7_2026;

/** Mostly Hà Nội-born, some from elsewhere: the province codes at the start of a personal ID. */
const BIRTH_PROVINCES = ['001', '001', '001', '001', '022', '030', '031', '036', '038', '079'];

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** mulberry32: a small seeded PRNG, so every process builds the same registry. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A structurally valid personal ID: province, century/sex digit and birth year agree (DOMAIN.md). */
export function personalId(random: Random, birthYear: number, sex: Sex, province = '001'): string {
  const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  return `${province}${centuryDigit}${pad(birthYear % 100)}${pad(Math.floor(random() * 1e6), 6)}`;
}

/** A made-up person, born 1950–2004; not necessarily in the registry. */
export function randomPerson(random: Random, province = '001'): Citizen {
  const sex: Sex = random() < 0.5 ? 'female' : 'male';
  const birthYear = 1950 + Math.floor(random() * 55);
  const familyName = pick(random, FAMILY_NAMES);
  const middleName = pick(random, MIDDLE_NAMES[sex]);
  const givenName = pick(random, GIVEN_NAMES[sex]);
  return {
    personalId: personalId(random, birthYear, sex, province),
    familyName,
    middleName,
    givenName,
    fullName: `${familyName} ${middleName} ${givenName}`,
    sex,
    birthDate: `${birthYear}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
    provinceCode: province,
  };
}

function buildRegistry(size: number, seed: number): readonly Citizen[] {
  const random = seededRandom(seed);
  const byId = new Map<string, Citizen>();
  while (byId.size < size) {
    const citizen = randomPerson(random, pick(random, BIRTH_PROVINCES));
    if (!byId.has(citizen.personalId)) byId.set(citizen.personalId, Object.freeze(citizen));
  }
  return Object.freeze([...byId.values()]);
}

/** The simulated population: the same 1000 citizens in every process (seeded). */
export const CITIZENS: readonly Citizen[] = buildRegistry(CITIZEN_REGISTRY_SIZE, REGISTRY_SEED);

const CITIZENS_BY_ID = new Map(CITIZENS.map((citizen) => [citizen.personalId, citizen]));

export function findCitizen(personalIdNumber: string): Citizen | undefined {
  return CITIZENS_BY_ID.get(personalIdNumber);
}

/** A valid province code (001–096) the registry never uses, so its people are valid but unknown. */
const UNKNOWN_PROVINCE = '095';

/** Someone the population database does not know, with a structurally valid personal ID. */
export function unknownPerson(random: Random): Citizen {
  return randomPerson(random, UNKNOWN_PROVINCE);
}

/** Share of simulated applicants the population database does not know ("not verified" happens too). */
export const UNKNOWN_APPLICANT_SHARE = 0.05;

/** A dossier applicant: mostly a registered citizen, sometimes someone the database does not know. */
export function simulatedApplicant(random: Random): Citizen {
  return random() < UNKNOWN_APPLICANT_SHARE ? unknownPerson(random) : pick(random, CITIZENS);
}

/** A name as the population database compares it: upper case, accents and spaces removed, Đ→D. */
const folded = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/\s/g, '');

/**
 * Whether the registry holds this person under this name, so the population database verifies them: what
 * checkers of the simulated flow expect (the civil registry names companies as citizens; transport
 * licensing may drop accents).
 */
export function isRegisteredAs(personalIdNumber: string, name: string): boolean {
  const citizen = findCitizen(personalIdNumber);
  return citizen !== undefined && folded(citizen.fullName) === folded(name);
}
