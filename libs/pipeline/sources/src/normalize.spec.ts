import { parseIsoDateTime, toLocalIso } from './local-time';
import { cleanText, normalizeAgencyCode, normalizeDossierCode, normalizeProcedureCode } from './normalize';
import { parsePersonalId } from './personal-id';

describe('source normalization rules', () => {
  it('cleans text to NFC without control characters or outer spaces', () => {
    expect(cleanText(' Nguye\u0302\u0303n\u0000 \t')).toBe('Nguyễn');
    expect(cleanText('   ')).toBeNull();
  });

  it.each([
    ['000.00.12.H26', '000.00.12.H26'],
    ['H26.12.03', '000.00.12.H26'],
    ['h26.40.03', '000.00.40.H26'],
  ])('accepts agency code %s as %s', (input, expected) => {
    expect(normalizeAgencyCode(input, '/a')).toBe(expected);
  });

  it.each(['H26', '00.00.12.H26', 'H26.12', ''])('rejects agency code "%s"', (input) => {
    expect(() => normalizeAgencyCode(input, '/a')).toThrow(
      expect.objectContaining({ code: 'INVALID_AGENCY_CODE' }),
    );
  });

  it.each([
    ['1.005129', '1.005129'],
    ['2.000488.000.00.12.H26', '2.000488'],
    ['2.000488.H26.12.03', '2.000488'],
  ])('reduces procedure code %s to %s', (input, expected) => {
    expect(normalizeProcedureCode(input, '/p')).toBe(expected);
  });

  it.each(['1.00512', '12.005129', '2.000488.XYZ'])('rejects procedure code %s', (input) => {
    expect(() => normalizeProcedureCode(input, '/p')).toThrow(
      expect.objectContaining({ code: 'INVALID_PROCEDURE_CODE' }),
    );
  });

  it('writes dossier codes with the four-part agency code and rejects impossible dates', () => {
    expect(normalizeDossierCode('H26.12.03-240818-9001', '/d')).toBe('000.00.12.H26-240818-9001');
    expect(() => normalizeDossierCode('000.00.12.H26-241318-9001', '/d')).toThrow(
      expect.objectContaining({ code: 'INVALID_DOSSIER_CODE' }),
    );
  });

  it('converts any offset to +07:00 and takes a time without offset as local', () => {
    expect(toLocalIso(parseIsoDateTime('2024-08-15T20:30:00-05:00', '/t'))).toBe('2024-08-16T08:30:00+07:00');
    expect(toLocalIso(parseIsoDateTime('2024-08-15T08:30', '/t'))).toBe('2024-08-15T08:30:00+07:00');
    expect(() => parseIsoDateTime('2023-02-29T08:30:00Z', '/t')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });

  it('checks the structure of a 12-digit personal ID against the birth date', () => {
    expect(parsePersonalId('001 090 001234', '1990-05-01', '/id')).toEqual({
      kind: 'CCCD',
      number: '001090001234',
    });
    expect(parsePersonalId('012345678', null, '/id')).toEqual({ kind: 'CMND', number: '012345678' });
    expect(parsePersonalId('001305001234', '2005-01-01', '/id')).toEqual({
      kind: 'CCCD',
      number: '001305001234',
    });
    expect(() => parsePersonalId('001305001234', '1990-01-01', '/id')).toThrow(
      expect.objectContaining({ code: 'INVALID_PERSONAL_ID' }),
    );
    expect(() => parsePersonalId('097090001234', null, '/id')).toThrow(
      expect.objectContaining({ code: 'INVALID_PERSONAL_ID' }),
    );
  });
});
