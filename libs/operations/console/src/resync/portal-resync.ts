import { standaloneAmendments } from '@lienthong/connector-runtime';
import type { Database } from '@lienthong/database';
import {
  PortalClient,
  PortalConnector,
  Reconciler,
  ReconciliationBusyError,
} from '@lienthong/national-portal';
import { BadGatewayException, ConflictException, NotFoundException } from '@nestjs/common';
import type { ResyncAnswer } from '../api-answers';
import type { PortalResyncConfig } from '../console.config';

/**
 * One dossier brought in line with what Lienthong holds, from the console: the portal reconciliation's
 * own repair (a TraCuuHoSo, then the last record sent re-sent in the dossier's turn, through the ledger
 * and the target policy), under the reconciliation's lock, so it never races the connector or a run.
 */
export class PortalResync {
  private readonly reconciler: Reconciler;
  private readonly closeAmendments: () => Promise<void>;

  constructor(config: PortalResyncConfig, database: Database) {
    const { amendments, close } = standaloneAmendments(PortalConnector.connectorName, database, config);
    this.reconciler = new Reconciler(new PortalClient(config), database, amendments);
    this.closeAmendments = close;
  }

  async resync(dossierCode: string): Promise<ResyncAnswer> {
    let report;
    try {
      report = await this.reconciler.run({ trigger: 'operator', dossierCode });
    } catch (error) {
      if (error instanceof ReconciliationBusyError) throw new ConflictException(error.message);
      throw error;
    }
    if (report.checked === 0) {
      throw new NotFoundException(
        `Lienthong has not delivered dossier ${dossierCode} to the portal: nothing to re-sync (a dead letter of it is replayed from the dead-letters page)`,
      );
    }
    const [drift] = report.drifts;
    if (drift?.outcome === 'failed') {
      throw new BadGatewayException(
        `the portal did not take dossier ${dossierCode} back: ${drift.error ?? 'no answer'}`,
      );
    }
    return {
      dossierCode,
      outcome: drift ? drift.outcome : 'in_line',
      drift: drift?.drift ?? null,
      fields: drift?.fields ?? [],
    };
  }

  async stop(): Promise<void> {
    await this.closeAmendments();
  }
}
