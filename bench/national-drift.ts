import type { Client } from 'pg';

/**
 * What the national comparison reads beside the KPI read model, written straight into PostgreSQL for
 * `npm run bench:kpi`: the portal connector's last record of every dossier, as the read model's copy of
 * it says (kpi_dossiers.portal_*, drawn with the dossiers: a few never created, a few sent with another
 * payment flag), one reconciliation run that found some missing, and each agency's national score for
 * `month` (one fetch).
 */
export async function fillNationalSide(client: Client, month: string): Promise<void> {
  await client.query('SELECT setseed(0.19)');
  await client.query(
    `INSERT INTO target_dossier_state (connector, dossier_code, last_sequence, status, created, record, updated_at)
     SELECT 'national-portal', dossier_code, 4, portal_status, portal_created,
            jsonb_build_object(
              'MaHoSo', dossier_code,
              'DuocThanhToanTrucTuyen', CASE WHEN portal_paid_online THEN '1' ELSE '0' END,
              'HoSoCoThanhPhanSoHoa', CASE WHEN portal_digitized THEN '1' ELSE '0' END,
              'TaiLieuNop', CASE WHEN portal_reused THEN '[{"DuocTaiSuDung":"1"}]'::jsonb ELSE '[]'::jsonb END),
            portal_updated_at
     FROM kpi_dossiers`,
  );
  await client.query(
    `INSERT INTO reconciliation_runs (connector, trigger, since, started_at, finished_at, checked, missing,
       differing, restored, failed, report)
     SELECT 'national-portal', 'schedule', NULL, now(), now(), count(*), count(*), 0, 0, count(*),
            jsonb_build_object('drifts', jsonb_agg(jsonb_build_object('dossierCode', dossier_code, 'drift', 'missing',
              'fields', '[]'::jsonb, 'outcome', 'failed')))
     FROM (SELECT dossier_code FROM kpi_dossiers WHERE random() < 0.0002) AS lost`,
  );
  await client.query(
    `INSERT INTO national_score_fetches (id, period_type, period_key, trigger, fetched_at, outcome)
     VALUES (1, 'month', $1, 'bench', now(), 'changed')`,
    [month],
  );
  const group = (code: string, score: string, max: number) =>
    `'${code}', jsonb_build_object('score', ${score}, 'maxScore', ${max})`;
  await client.query(
    `INSERT INTO national_scores (period_key, period_type, department_id, version, fetch_id, fetched_at,
       department_code, department_name, department_type, department_level, child_group, total_score, max_score,
       groups, metrics, parameters, content_sha256, changed)
     SELECT $1, 'month', md5(agency_code), 1, 1, now(), agency_code, name, 'PROVINCIAL_DEPARTMENT', 'PROVINCE',
            'AGENCY', 80 + random() * 15, 100,
            jsonb_build_object(${group('CKMB', '17', 18)}, ${group('TDGQ', '19.5', 20)}, ${group('CLGQ', '10', 12)},
              ${group('MDSH', '15', 22)}, ${group('MDHL', '17', 18)}, ${group('TTTT', '6', 10)}),
            '[{"group":"CKMB","code":"1.4","numerator":900,"denominator":1000,"score":5.4,"maxScore":6}]',
            '{"formality-online-payment-tree":{"totalDossierOnlinePaymentSuccess":400,"totalDossierFinancialObligation":1000}}',
            md5(agency_code), '{}'
     FROM kpi_agencies`,
    [month],
  );
  await client.query('ANALYZE target_dossier_state');
}
