import { requestName } from '../citizen-name';
import {
  POPULATION_NAMESPACE,
  PopulationOperation,
  toPopulationDate,
  type CitizenIdentity,
  type CitizenQuery,
  type LookupQuery,
  type PopulationOperationName,
} from '../population.contract';
import { qualified, soapEnvelope, type XmlContent } from './soap-envelope';

const request = (name: PopulationOperationName, fields: XmlContent): string =>
  soapEnvelope({ [`dan:${name}`]: { '@_xmlns:dan': POPULATION_NAMESPACE, ...qualified('dan', fields) } });

/** A 12-digit personal ID travels as SoDinhDanh, a 9-digit old card as SoCMND; never both. */
const identityFields = ({ kind, number }: CitizenIdentity): XmlContent =>
  kind === 'CCCD' ? { SoDinhDanh: number } : { SoCMND: number };

/** One of Nam (only the year is known) or NgayThangNam (the full date): the gateway refuses both. */
function birthFields(birthDate: string | undefined): XmlContent | undefined {
  if (!birthDate) return undefined;
  return /^\d{4}$/.test(birthDate) ? { Nam: birthDate } : { NgayThangNam: toPopulationDate(birthDate) };
}

export function lookupRequest(query: LookupQuery): string {
  const { Lookup } = PopulationOperation;
  return request(Lookup.name, {
    MaYeuCau: query.requestId,
    MaDVC: query.serviceCode,
    MaTichHop: Lookup.integrationCode,
    MaCanBo: query.officer,
    MaDonVi: query.unitCode,
    ...identityFields(query.identity),
    HoVaTen: requestName(query.fullName),
    NgayThangNamSinh: birthFields(query.birthDate),
  });
}

export function verifyRequest(query: CitizenQuery): string {
  const { Verify } = PopulationOperation;
  return request(Verify.name, {
    MaYeuCau: query.requestId,
    MaTichHop: Verify.integrationCode,
    MaCanBo: query.officer,
    ...identityFields(query.identity),
    HoVaTen: requestName(query.fullName),
  });
}
