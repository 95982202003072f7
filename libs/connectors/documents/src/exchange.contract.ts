import type { AckStatus } from './edxml.contract';

/**
 * The document exchange's HTTP operations (DOMAIN.md: send a package, list received packages, get one,
 * acknowledge). Packages travel as `application/xml`; lists and acknowledgements as JSON.
 */
export const ExchangePath = {
  /** POST a document package; the answer is a status package: 01 (HTTP 200) or 02 (HTTP 400). */
  Send: '/edxml/packages',
  /** GET `?organId=&kind=document|status`: what waits in an organ's inbox, not yet acknowledged done. */
  Inbox: '/edxml/inbox',
  /** GET one package by its inbox id, as XML. */
  Package: (id: string) => `/edxml/packages/${encodeURIComponent(id)}`,
  /** POST `{status: done|fail|processing}`. */
  Acknowledge: (id: string) => `/edxml/packages/${encodeURIComponent(id)}/ack`,
} as const;

export type InboxKind = 'document' | 'status';

/** One package waiting in an organ's inbox. */
export interface InboxEntry {
  id: string;
  kind: InboxKind;
  /** The document it is, or the document a status answers. */
  documentId: string;
  fromOrganId: string;
  statusCode?: string;
  receivedAt: string;
  /** The last acknowledgement, when the receiver gave one short of done. */
  ack?: AckStatus;
}
