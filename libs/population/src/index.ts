export {
  CITIZEN_NAMESPACE,
  POPULATION_CONTENT_TYPE,
  POPULATION_NAMESPACE,
  POPULATION_SERVICE_PATH,
  PopulationHeader,
  PopulationOperation,
  SOAP_NAMESPACE,
  Sex,
  SoapFaultCode,
  normalizeCitizenName,
  recordFullName,
  toPopulationDate,
  type CitizenAddress,
  type CitizenQuery,
  type CitizenRecord,
  type LookupQuery,
  type PopulationOperationName,
  type SoapFaultCodeName,
} from './population.contract';
export { populationAuthorization, populationSignature, readPopulationAuthorization } from './signature';
export {
  MalformedXmlError,
  parseXml,
  readSoapBody,
  soapEnvelope,
  soapFault,
  type SoapFault,
  type XmlElement,
} from './soap/soap-envelope';
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
export { populationConfigSpec, populationConnectorOwnSpec, type PopulationConfig } from './population.config';
export { PopulationClient } from './population-client';
export { checkIdentity, type IdentityCheck, type IdentitySubject } from './identity-check';
export { IdentityCache } from './identity-cache';
export { IdentityVerifier, type VerificationResult } from './identity-verifier';
export { PopulationAudit, VERIFICATION_PURPOSE } from './population-audit';
export { Pseudonymizer } from './pseudonym';
export {
  IDENTITY_VERIFIED_TOPIC,
  IDENTITY_VERIFIED_TYPE,
  identityVerifiedTopic,
  type IdentityVerifiedEvent,
} from './identity-verified';
export { PopulationConnector, verificationSubject } from './population.connector';
export {
  populationConnectorConfigSpec,
  populationConnectorDefinition,
} from './population-connector.definition';
