/** A package a receiver must refuse (status 02), with the reason it gives the sender. */
export class EdxmlRejection extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = EdxmlRejection.name;
  }
}
