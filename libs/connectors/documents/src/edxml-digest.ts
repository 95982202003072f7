import { createHash } from 'node:crypto';
import type { EdxmlAttachment } from './edxml.contract';

/**
 * The digest carried in the package's XML-DSig `Signature`. It is NOT a PKI signature: there is no key
 * and no XML canonicalization. It is a SHA-256 over a canonical form of the body defined here (each
 * attachment's ContentId, ContentType, AttachmentName and content), so a receiver detects a body that was
 * altered or cut on the way. A real deployment signs with the organ's certificate instead.
 */
export function bodyDigest(attachments: readonly EdxmlAttachment[]): string {
  const hash = createHash('sha256');
  for (const attachment of attachments) {
    const contentHash = createHash('sha256').update(attachment.content).digest('hex');
    hash.update(
      JSON.stringify([attachment.contentId, attachment.contentType, attachment.attachmentName, contentHash]),
    );
  }
  return hash.digest('base64');
}
