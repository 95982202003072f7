/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

/**
 * Which connectors receive which dossier events. A dossier event goes to every connector that has a rule it matches. Within a rule, every condition given must hold; a list matches when the dossier has any of its values.
 */
export interface RoutingRules {
  /**
   * @minItems 1
   */
  routes: [
    {
      /**
       * The connector: its route topic is route.<connector>.v1.
       */
      connector: string;
      description?: string;
      /**
       * Conditions; none (or an empty object) matches every dossier event.
       */
      when?: {
        /**
         * National procedure codes (d.dddddd).
         *
         * @minItems 1
         */
        procedures?: [string, ...string[]];
        /**
         * Four-part agency codes; * matches one part (000.00.*.H26 is every district of Hà Nội).
         *
         * @minItems 1
         */
        agencies?: [string, ...string[]];
        /**
         * National status codes 1..10.
         *
         * @minItems 1
         */
        statuses?: [number, ...number[]];
        /**
         * 1 citizen, 2 business, 3 state body, 4 other organisation.
         *
         * @minItems 1
         */
        applicantTypes?: [1 | 2 | 3 | 4, ...(1 | 2 | 3 | 4)[]];
        /**
         * 1 in person, 2 online, 3 public postal service.
         *
         * @minItems 1
         */
        channels?: [1 | 2 | 3, ...(1 | 2 | 3)[]];
        /**
         * Source systems the event came from.
         *
         * @minItems 1
         */
        sources?: [string, ...string[]];
        /**
         * The dossier has result documents.
         */
        hasResults?: boolean;
        /**
         * The applicant has a 12-digit personal ID.
         */
        hasPersonalId?: boolean;
        /**
         * Kinds of identity document the applicant has: CCCD (12-digit personal ID) or CMND (9-digit old card).
         *
         * @minItems 1
         */
        identityKinds?: ['CCCD' | 'CMND', ...('CCCD' | 'CMND')[]];
      };
    },
    ...{
      /**
       * The connector: its route topic is route.<connector>.v1.
       */
      connector: string;
      description?: string;
      /**
       * Conditions; none (or an empty object) matches every dossier event.
       */
      when?: {
        /**
         * National procedure codes (d.dddddd).
         *
         * @minItems 1
         */
        procedures?: [string, ...string[]];
        /**
         * Four-part agency codes; * matches one part (000.00.*.H26 is every district of Hà Nội).
         *
         * @minItems 1
         */
        agencies?: [string, ...string[]];
        /**
         * National status codes 1..10.
         *
         * @minItems 1
         */
        statuses?: [number, ...number[]];
        /**
         * 1 citizen, 2 business, 3 state body, 4 other organisation.
         *
         * @minItems 1
         */
        applicantTypes?: [1 | 2 | 3 | 4, ...(1 | 2 | 3 | 4)[]];
        /**
         * 1 in person, 2 online, 3 public postal service.
         *
         * @minItems 1
         */
        channels?: [1 | 2 | 3, ...(1 | 2 | 3)[]];
        /**
         * Source systems the event came from.
         *
         * @minItems 1
         */
        sources?: [string, ...string[]];
        /**
         * The dossier has result documents.
         */
        hasResults?: boolean;
        /**
         * The applicant has a 12-digit personal ID.
         */
        hasPersonalId?: boolean;
        /**
         * Kinds of identity document the applicant has: CCCD (12-digit personal ID) or CMND (9-digit old card).
         *
         * @minItems 1
         */
        identityKinds?: ['CCCD' | 'CMND', ...('CCCD' | 'CMND')[]];
      };
    }[],
  ];
}
