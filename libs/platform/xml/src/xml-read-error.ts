import { LienthongError } from '@lienthong/errors';
/** Why a document could not be read; callers word the refusal for their own protocol from it. */
export type XmlProblem =
  | { kind: 'doctype' }
  | { kind: 'not-well-formed'; line: number; detail: string }
  | { kind: 'root-count'; roots: number }
  | { kind: 'unbound-prefix'; name: string };

/** XML the reader refuses: not a document the caller may act on, and reading it again changes nothing. */
export class XmlReadError extends LienthongError {
  constructor(readonly problem: XmlProblem) {
    super('XML_UNREADABLE', describe(problem));
  }
}

function describe(problem: XmlProblem): string {
  switch (problem.kind) {
    case 'doctype':
      return 'a DOCTYPE is not allowed';
    case 'not-well-formed':
      return `not well-formed XML at line ${problem.line}: ${problem.detail}`;
    case 'root-count':
      return `expected exactly one root element, found ${problem.roots}`;
    case 'unbound-prefix':
      return `the prefix of ${problem.name} is not bound to a namespace`;
  }
}
