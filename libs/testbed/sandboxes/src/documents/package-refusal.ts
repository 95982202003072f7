import { LienthongError } from '@lienthong/errors';
/** The exchange refuses a package (status 02); the message is the reason the sender reads. */
export class PackageRefusal extends LienthongError {
  constructor(
    reason: string,
    /** The DocumentId of the refused package, when it got far enough to name one. */
    readonly documentId?: string,
  ) {
    super('PACKAGE_REFUSED', reason);
  }
}
