export {
  POPULATION_CONTENT_TYPE,
  POPULATION_SERVICE_PATH,
  PopulationHeader,
  PopulationOperation,
  Sex,
  SoapFaultCode,
  normalizeCitizenName,
  recordFullName,
  toPopulationDate,
  type CitizenRecord,
  type PopulationOperationName,
} from './population.contract';
export { populationSignature, readPopulationAuthorization } from './signature';
export { MalformedXmlError, readSoapBody, soapFault } from './soap/soap-envelope';
export {
  lookupRequest,
  lookupResponse,
  readLookupResponse,
  readPopulationRequest,
  readVerifyResponse,
  verifyRequest,
  verifyResponse,
  type PopulationRequest,
} from './soap/population-messages';
export { populationConfigSpec } from './population.config';
export { PopulationClient } from './population-client';
export type { IdentityVerifiedEvent } from './identity-verified';
export {
  populationConnectorConfigSpec,
  populationConnectorDefinition,
} from './population-connector.definition';
