import { LienthongError } from '@lienthong/errors';
/** A package a receiver must refuse (status 02), with the reason it gives the sender. */
export class EdxmlRejection extends LienthongError {
  constructor(reason: string) {
    super('EDXML_REFUSED', reason);
  }
}
