import { XLINK_NS } from './edxml-names';
import { attributeOf, kidsNamed, optionalKid, requiredText } from './edxml-nodes';
import { PackageRefusal } from './package-refusal';
import type { XmlNode } from '../xml';

const CONTENT_ID = /^cid:\S+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface ReceivedAttachment {
  contentId: string;
  attachmentName: string;
  contentType: string;
  description: string;
  base64: string;
}

interface ManifestEntry {
  contentId: string;
  attachmentName: string;
  contentType: string;
  description: string;
}

function manifestEntries(manifest: XmlNode): ManifestEntry[] {
  if (attributeOf(manifest, null, 'version') !== '1.0') {
    throw new PackageRefusal(`${manifest.path} must carry version="1.0"`);
  }
  const references = kidsNamed(manifest, 'Reference');
  if (references.length === 0) throw new PackageRefusal(`${manifest.path} references no attachment`);
  return references.map((reference) => {
    const contentId = requiredText(reference, 'ContentId');
    if (!CONTENT_ID.test(contentId)) {
      throw new PackageRefusal(`${reference.path}/ContentId must read cid:…, got "${contentId}"`);
    }
    const href = attributeOf(reference, XLINK_NS, 'href');
    if (href !== undefined && href !== contentId) {
      throw new PackageRefusal(
        `${reference.path} points xlink:href at ${href} but its ContentId is ${contentId}`,
      );
    }
    return {
      contentId,
      attachmentName: requiredText(reference, 'AttachmentName'),
      contentType: requiredText(reference, 'ContentType'),
      description: optionalKid(reference, 'Description')?.text ?? '',
    };
  });
}

function encodedContent(attachment: XmlNode): string {
  const base64 = requiredText(attachment, 'ContentTransferEncoded').replace(/\s+/g, '');
  if (!BASE64.test(base64))
    throw new PackageRefusal(`${attachment.path}/ContentTransferEncoded is not base64`);
  return base64;
}

/**
 * The manifest and AttachmentEncoded describe the same files: one attachment per reference, matched by
 * ContentId, with the same AttachmentName and ContentType, its content in base64.
 */
export function checkAttachments(manifest: XmlNode, attachmentEncoded: XmlNode): ReceivedAttachment[] {
  const entries = manifestEntries(manifest);
  const encoded = new Map<string, XmlNode>();
  for (const attachment of kidsNamed(attachmentEncoded, 'Attachment')) {
    const contentId = requiredText(attachment, 'ContentId');
    if (encoded.has(contentId)) throw new PackageRefusal(`two attachments carry ${contentId}`);
    encoded.set(contentId, attachment);
  }
  const received = entries.map((entry) => {
    const attachment = encoded.get(entry.contentId);
    if (!attachment) {
      throw new PackageRefusal(`the manifest references ${entry.contentId} but no attachment carries it`);
    }
    encoded.delete(entry.contentId);
    for (const field of ['attachmentName', 'contentType'] as const) {
      const local = field === 'attachmentName' ? 'AttachmentName' : 'ContentType';
      const value = requiredText(attachment, local);
      if (value !== entry[field]) {
        throw new PackageRefusal(
          `${entry.contentId} has ${local} "${entry[field]}" in the manifest but "${value}" in AttachmentEncoded`,
        );
      }
    }
    return { ...entry, base64: encodedContent(attachment) };
  });
  if (encoded.size > 0) {
    throw new PackageRefusal(`attachment ${[...encoded.keys()].join(', ')} is not in the manifest`);
  }
  return received;
}
