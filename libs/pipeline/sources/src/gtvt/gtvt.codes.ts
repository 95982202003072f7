/** The transport-licensing system's code tables (SOURCES.md) to the national codes. */
export const GTVT_STATUS: Readonly<Record<string, number>> = {
  submitted: 1,
  accepted: 2,
  rejected: 3,
  in_review: 4,
  needs_supplement: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  suspended: 8,
  approved: 9,
  delivered: 10,
};

export const GTVT_CHANNEL: Readonly<Record<string, 1 | 2 | 3>> = { counter: 1, online: 2, post: 3 };

export const GTVT_APPLICANT_TYPE: Readonly<Record<string, 1 | 2 | 3 | 4>> = { person: 1, company: 2 };
