/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

export interface The766ScoringTableAsLienthongReadsItConfigScoring766Yaml {
  /**
   * @minItems 1
   */
  groups: [
    {
      id: string;
      code: 'CKMB' | 'TDGQ' | 'CLGQ' | 'MDSH' | 'MDHL' | 'TTTT';
      label: string;
      max: number;
      /**
       * @minItems 1
       */
      items: [
        {
          id: string;
          label: string;
          max: number;
          fullAt?: number;
          rate?:
            | 'synced'
            | 'on_time'
            | 'online'
            | 'paid_online'
            | 'payment_procedures'
            | 'e_result'
            | 'digitized'
            | 'reused'
            | 'from_warehouse'
            | 'from_warehouse_or_e_result'
            | 'population_data'
            | 'population_procedures'
            | 'dossier_satisfaction';
          rule: string;
          national?: {
            metric?: string;
            numerator?: string;
            denominator?: string;
          };
        },
        ...{
          id: string;
          label: string;
          max: number;
          fullAt?: number;
          rate?:
            | 'synced'
            | 'on_time'
            | 'online'
            | 'paid_online'
            | 'payment_procedures'
            | 'e_result'
            | 'digitized'
            | 'reused'
            | 'from_warehouse'
            | 'from_warehouse_or_e_result'
            | 'population_data'
            | 'population_procedures'
            | 'dossier_satisfaction';
          rule: string;
          national?: {
            metric?: string;
            numerator?: string;
            denominator?: string;
          };
        }[],
      ];
    },
    ...{
      id: string;
      code: 'CKMB' | 'TDGQ' | 'CLGQ' | 'MDSH' | 'MDHL' | 'TTTT';
      label: string;
      max: number;
      /**
       * @minItems 1
       */
      items: [
        {
          id: string;
          label: string;
          max: number;
          fullAt?: number;
          rate?:
            | 'synced'
            | 'on_time'
            | 'online'
            | 'paid_online'
            | 'payment_procedures'
            | 'e_result'
            | 'digitized'
            | 'reused'
            | 'from_warehouse'
            | 'from_warehouse_or_e_result'
            | 'population_data'
            | 'population_procedures'
            | 'dossier_satisfaction';
          rule: string;
          national?: {
            metric?: string;
            numerator?: string;
            denominator?: string;
          };
        },
        ...{
          id: string;
          label: string;
          max: number;
          fullAt?: number;
          rate?:
            | 'synced'
            | 'on_time'
            | 'online'
            | 'paid_online'
            | 'payment_procedures'
            | 'e_result'
            | 'digitized'
            | 'reused'
            | 'from_warehouse'
            | 'from_warehouse_or_e_result'
            | 'population_data'
            | 'population_procedures'
            | 'dossier_satisfaction';
          rule: string;
          national?: {
            metric?: string;
            numerator?: string;
            denominator?: string;
          };
        }[],
      ];
    }[],
  ];
  options: {
    online: {
      denominator: 'received' | 'received_of_online_procedures';
      timesSyncedRate: boolean;
    };
    reuse: {
      counts: 'digitized' | 'reused';
    };
    satisfaction: {
      countLocalRatings: boolean;
    };
  };
}
