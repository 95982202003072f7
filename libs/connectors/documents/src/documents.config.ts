import { num, str, url, type ConfigOf } from '@lienthong/config';
import { gatewayConfigSpec, targetHttpConfigSpec } from '@lienthong/connector-runtime';

export const documentsConfigSpec = {
  ...targetHttpConfigSpec,
  ...gatewayConfigSpec('DOCUMENTS'),
  DOCUMENTS_URL: url({
    default: 'http://127.0.0.1:8083',
    desc: 'Base URL of the document exchange (edXML, QCVN 102:2016) that receives result packages',
  }),
  DOCUMENTS_ORGAN_ID: str({
    default: '000.00.00.H26',
    desc: "Electronic code of the city's sender organ: From/OrganId of every package and the inbox polled for statuses",
  }),
  DOCUMENTS_ORGAN_NAME: str({
    default: 'Ủy ban nhân dân Thành phố Hà Nội',
    desc: "Name of the city's sender organ (From/OrganName)",
  }),
  DOCUMENTS_PROMULGATION_PLACE: str({
    default: 'Hà Nội',
    desc: 'PromulgationInfo/Place written in every package',
  }),
  DOCUMENTS_TIMEOUT_MS: num({ default: 10_000, desc: 'Timeout of one call to the document exchange' }),
  DOCUMENTS_FEEDBACK_INTERVAL_MS: num({
    default: 5_000,
    desc: 'Pause between two reads of the status-feedback inbox',
  }),
};

export type DocumentsConfig = ConfigOf<typeof documentsConfigSpec>;
