import { mapSourceEvent, MotcuaMapper } from '@lienthong/sources';
import {
  CITIZENS,
  CITIZEN_REGISTRY_SIZE,
  findCitizen,
  seededRandom,
  simulatedApplicant,
  unknownPerson,
} from './citizen-registry';
import { motcuaLifecycle } from './motcua-lifecycle';

describe('citizen registry', () => {
  it('holds 1000 citizens with distinct personal IDs, the same in every process', () => {
    expect(CITIZENS).toHaveLength(CITIZEN_REGISTRY_SIZE);
    expect(new Set(CITIZENS.map((citizen) => citizen.personalId)).size).toBe(CITIZEN_REGISTRY_SIZE);
    // A fixed first citizen proves the seed, not Math.random, builds the registry.
    expect(CITIZENS[0]).toMatchObject({ personalId: '036304094477', birthDate: '2004-11-25' });
  });

  it('gives each citizen a personal ID whose century/sex digit and year agree with the birth date', () => {
    for (const citizen of CITIZENS) {
      const year = Number(citizen.birthDate.slice(0, 4));
      const centuryDigit = (year >= 2000 ? 2 : 0) + (citizen.sex === 'female' ? 1 : 0);
      expect(citizen.personalId).toMatch(/^\d{12}$/);
      expect(citizen.personalId.slice(0, 3)).toBe(citizen.provinceCode);
      expect(citizen.personalId.slice(3, 6)).toBe(`${centuryDigit}${String(year % 100).padStart(2, '0')}`);
      expect(citizen.fullName).toBe(`${citizen.familyName} ${citizen.middleName} ${citizen.givenName}`);
    }
  });

  it('makes up unknown people the registry does not hold', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) expect(findCitizen(unknownPerson(random).personalId)).toBeUndefined();
  });

  it('draws about 5% unknown applicants, the rest from the registry', () => {
    const random = seededRandom(11);
    const draws = Array.from({ length: 4000 }, () => simulatedApplicant(random));
    const unknownShare = draws.filter((person) => !findCitizen(person.personalId)).length / draws.length;
    expect(unknownShare).toBeGreaterThan(0.03);
    expect(unknownShare).toBeLessThan(0.07);
  });

  it('is where simulated dossiers take their applicants, valid for the hub', () => {
    const random = seededRandom(3);
    const applicants = Array.from({ length: 100 }, (_, serial) => {
      const [event] = motcuaLifecycle(serial + 1, Date.now(), random);
      const result = mapSourceEvent(new MotcuaMapper(), Buffer.from(JSON.stringify(event)));
      if (!result.ok) throw result.rejection;
      return event.hoSo.chuHoSo;
    });
    const known = applicants.filter((applicant) => findCitizen(applicant.soDinhDanh ?? ''));
    expect(known.length).toBeGreaterThan(85);
    for (const applicant of known) {
      expect(findCitizen(applicant.soDinhDanh!)?.birthDate).toBe(applicant.ngaySinh);
    }
  });
});
