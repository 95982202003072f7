import {
  sentFieldsAmong,
  sentFieldsChangedSince,
  type SentFields,
  type SentFieldsAt,
} from '@lienthong/connector-runtime';
import type { Database } from '@lienthong/database';
import {
  PortalConnector,
  PortalDatabaseCode,
  PortalPaymentCode,
  PortalReuseCode,
} from '@lienthong/national-portal';

/**
 * What the portal connector last sent of a dossier, reduced to what the national comparison's causes
 * compare: whether the portal created it, the last status sent, and each flag the nation counts as the
 * portal reads it. Kept in the KPI read model (kpi_dossiers.portal_*, migration 028) by the sync marking,
 * so one agency's drill-down reads it with Lienthong's own facts in one range scan.
 */
export interface PortalFacts {
  created: boolean;
  status: number | null;
  /** By flag name (FLAGS): whether the record sent says yes. */
  flags: Record<string, boolean>;
}

/** One dossier's facts as the KPI read model holds them: what the causes compare. */
export interface OwnFlags {
  has_fees: boolean;
  paid_online: boolean;
  digitized: boolean;
  reused: boolean;
  vneid_verified: boolean;
  population_checked: boolean;
}

/** A yes/no flag of the portal's record (1 yes). */
const isOne = (value: unknown) => value === '1' || value === 1;
const files = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : []);

/** The flags the nation counts that Lienthong also holds, each with the item it moves and its column. */
export const FLAGS: {
  flag: string;
  item: string;
  column: string;
  own: (dossier: OwnFlags) => boolean;
  sent: (value: unknown) => boolean;
}[] = [
  {
    flag: 'DuocThanhToanTrucTuyen',
    item: 'paid_online',
    column: 'portal_paid_online',
    own: (d) => d.has_fees && d.paid_online,
    sent: (value) => value === PortalPaymentCode.NationalPlatform || value === PortalPaymentCode.OwnGateway,
  },
  {
    flag: 'HoSoCoThanhPhanSoHoa',
    item: 'digitized_files',
    column: 'portal_digitized',
    own: (d) => d.digitized,
    sent: isOne,
  },
  {
    flag: 'TaiLieuNop.DuocTaiSuDung',
    item: 'reuse',
    column: 'portal_reused',
    own: (d) => d.reused,
    sent: (value) =>
      files(value).some(
        ({ DuocTaiSuDung: code }) => code === PortalReuseCode.Reused || code === PortalReuseCode.Replaced,
      ),
  },
  {
    flag: 'TaiKhoanDuocXacThucVoiVNeID',
    item: 'population_data',
    column: 'portal_vneid_verified',
    own: (d) => d.vneid_verified,
    sent: isOne,
  },
  {
    flag: 'DSKetNoiCSDL',
    item: 'population_data',
    column: 'portal_population_checked',
    own: (d) => d.population_checked,
    sent: (value) => files(value).some((link) => link.MaCSDL === PortalDatabaseCode.Population),
  },
];
export const fieldOf = (flag: string) => flag.split('.')[0];
const SENT_FIELDS = [...new Set(FLAGS.map(({ flag }) => fieldOf(flag)))];

/** The columns of kpi_dossiers that hold the portal facts, as the drill-down selects them. */
export const PORTAL_COLUMNS = ['portal_created', 'portal_status', ...FLAGS.map(({ column }) => column)].join(
  ', ',
);

export function portalFactsOf(sent: SentFields): PortalFacts {
  return {
    created: sent.created,
    status: sent.status,
    flags: Object.fromEntries(
      FLAGS.map(({ flag, sent: reads }) => [flag, reads(sent.fields[fieldOf(flag)])]),
    ),
  };
}

/** A kpi_dossiers row's portal columns as facts; none when the dossier was never sent. */
export function portalFactsOfRow(row: Record<string, unknown>): PortalFacts | undefined {
  if (row.portal_created === null || row.portal_created === undefined) return undefined;
  return {
    created: row.portal_created as boolean,
    status: row.portal_status as number | null,
    flags: Object.fromEntries(FLAGS.map(({ flag, column }) => [flag, row[column] === true])),
  };
}

/** Where the portal connector's writes were followed up to: the next run reads from there on. */
export interface PortalWatermark {
  /** An updated_at as PostgreSQL writes it. */
  at: string;
  after: string;
  /** Stopped at a run's page limit, not at the newest write: resume right there. */
  behind: boolean;
}

/** Pages of the connector's changed states asked at once. */
const PAGE = 5000;
/** Most pages one run follows: a catch-up (after migration 028) goes on next run, marking meanwhile. */
const PAGES_PER_RUN = 10;
/** How much older than the last write followed a write can still become visible. */
const LATE_COMMIT_S = 60;

/**
 * Keeps kpi_dossiers.portal_* as the portal connector last wrote them: for these dossiers (new in the
 * read model, so perhaps written by the connector before the projection saw them), or for every dossier
 * the connector wrote from `since` on. A write older than the one held is ignored (runs may overlap).
 */
export class PortalFactsWriter {
  constructor(private readonly database: Database) {}

  async among(codes: string[]): Promise<Map<string, SentFieldsAt>> {
    const sent = await sentFieldsAmong(this.database, PortalConnector.connectorName, codes, SENT_FIELDS);
    await this.write([...sent.values()]);
    return sent;
  }

  /** Follows the connector's writes from `since`, at most a run's pages; returns where it got to. */
  async changedSince(since: PortalWatermark): Promise<PortalWatermark> {
    let from = since.behind ? since : await this.minuteBefore(since.at);
    for (let pages = 0; pages < PAGES_PER_RUN; pages++) {
      const page = await sentFieldsChangedSince(
        this.database,
        PortalConnector.connectorName,
        from,
        SENT_FIELDS,
        PAGE,
      );
      await this.write(page);
      const last = page.at(-1);
      if (last) from = { at: last.updatedAt, after: last.dossierCode, behind: true };
      if (page.length < PAGE) return { ...from, behind: false };
    }
    return from;
  }

  /** A write stamped earlier (its transaction's start) may have committed since: read the last minute again. */
  private async minuteBefore(at: string): Promise<PortalWatermark> {
    const [start] = await this.database.query<{ at: string }>(
      `SELECT ($1::timestamptz - make_interval(secs => $2))::text AS at`,
      [at, LATE_COMMIT_S],
    );
    return { at: start.at, after: '', behind: false };
  }

  /** The newest connector write the read model holds, where following starts after a restart. */
  async newest(): Promise<PortalWatermark> {
    const [row] = await this.database.query<{ at: string }>(
      `SELECT coalesce(max(portal_updated_at), '-infinity')::text AS at FROM kpi_dossiers`,
    );
    return { at: row.at, after: '', behind: false };
  }

  private async write(sent: SentFieldsAt[]): Promise<void> {
    if (sent.length === 0) return;
    const facts = sent.map(portalFactsOf);
    const flagColumns = FLAGS.map(({ column }) => column);
    await this.database.query(
      `UPDATE kpi_dossiers d SET portal_created = s.created, portal_status = s.status,
         ${flagColumns.map((column) => `${column} = s.${column}`).join(', ')}, portal_updated_at = s.updated_at
       FROM unnest($1::text[], $2::timestamptz[], $3::boolean[], $4::smallint[],
         ${flagColumns.map((_, i) => `$${i + 5}::boolean[]`).join(', ')})
         AS s (dossier_code, updated_at, created, status, ${flagColumns.join(', ')})
       WHERE d.dossier_code = s.dossier_code
         AND (d.portal_updated_at IS NULL OR d.portal_updated_at < s.updated_at)`,
      [
        sent.map((one) => one.dossierCode),
        sent.map((one) => one.updatedAt),
        facts.map((one) => one.created),
        facts.map((one) => one.status),
        ...FLAGS.map(({ flag }) => facts.map((one) => one.flags[flag])),
      ],
    );
  }
}
