/** The exchange refuses a package (status 02); the message is the reason the sender reads. */
export class PackageRefusal extends Error {
  constructor(
    reason: string,
    /** The DocumentId of the refused package, when it got far enough to name one. */
    readonly documentId?: string,
  ) {
    super(reason);
    this.name = PackageRefusal.name;
  }
}
