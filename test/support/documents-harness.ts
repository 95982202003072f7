import { readFileSync } from 'node:fs';
import { projectPath, readConfig } from '@lienthong/config';
import { documentsConnectorDefinition } from '@lienthong/documents';
import {
  DocumentsSandboxModule,
  documentsSandboxConfigSpec,
  type ReceivedPackage,
} from '@lienthong/sandboxes';
import type { DossierEvent } from '@lienthong/schemas';
import axios from 'axios';
import { connectorApp } from './app-modules';
import { IsolatedRun } from './isolated-run';

export interface IssuedStatus {
  id: string;
  documentId: string;
  statusCode: string;
  acks: string[];
}

export interface RecordedStatus {
  message_id: string;
  document_id: string;
  status_code: string;
  acknowledged_at: Date | null;
}

/**
 * The documents flow on real parts, isolated for one test file: its own topic prefix, consumer group
 * and PostgreSQL schema, the document-exchange sandbox on a free port and the documents connector.
 * Dossier events go straight to `route.documents.v1`, as the hub would route them.
 */
export class DocumentsHarness extends IsolatedRun {
  sandboxUrl!: string;

  async start(): Promise<this> {
    const env = this.env({
      DOCUMENTS_SANDBOX_STATUS_DELAY_MS: '300',
      DOCUMENTS_FEEDBACK_INTERVAL_MS: '200',
      CONNECTOR_BACKOFF_INITIAL_MS: '50',
      CONNECTOR_BACKOFF_MAX_MS: '500',
      CONNECTOR_MAX_ATTEMPTS: '20',
    });
    const sandbox = await this.launch(
      'sandbox',
      DocumentsSandboxModule.register(readConfig(documentsSandboxConfigSpec, env)),
    );
    this.sandboxUrl = sandbox.url!;
    const connectorEnv = { ...env, DOCUMENTS_URL: this.sandboxUrl };
    await this.launch('connector', connectorApp(documentsConnectorDefinition, connectorEnv));
    return this;
  }

  /** A dossier event with results, from the golden hotich dossier, under a fresh code and event id. */
  dossierEvent(serial: number, changes: Partial<DossierEvent> = {}, sequence = 7): DossierEvent {
    const golden: DossierEvent = JSON.parse(
      readFileSync(projectPath('test', 'fixtures', 'hotich', 'ok', 'normalization.dossier.json'), 'utf8'),
    );
    return {
      ...golden,
      dossierCode: golden.dossierCode.replace(/-\d+$/, `-${serial}`),
      ...changes,
      provenance: { ...golden.provenance, sourceEventId: `${this.id}-${serial}-${sequence}`, sequence },
    };
  }

  async packages(): Promise<ReceivedPackage[]> {
    return (await axios.get(`${this.sandboxUrl}/_sandbox/packages`)).data;
  }

  /** Why the sandbox, reading as the strictest receiver, refused packages (status 02). */
  async refusals(): Promise<{ reason: string }[]> {
    return (await axios.get(`${this.sandboxUrl}/_sandbox/refusals`)).data;
  }

  async issuedStatuses(): Promise<IssuedStatus[]> {
    return (await axios.get(`${this.sandboxUrl}/_sandbox/statuses`)).data;
  }

  /** Replaces the sandbox's fault plan; answers the plan with the faults injected so far. */
  async setFaults(plan: object): Promise<{ injected: Record<string, number> }> {
    return (await axios.put(`${this.sandboxUrl}/_sandbox/faults`, plan)).data;
  }

  /** Puts a status package in the city organ's inbox as a receiver that writes it wrong would; answers its inbox id. */
  async plantStatus(documentId: string, xml: string): Promise<string> {
    const organId = '000.00.00.H26';
    return (await axios.post(`${this.sandboxUrl}/_sandbox/statuses`, { organId, documentId, xml })).data.id;
  }

  async recordedStatuses(): Promise<RecordedStatus[]> {
    return this.query<RecordedStatus>(
      `SELECT message_id, document_id, status_code, acknowledged_at FROM ${this.schema}.documents_status_feedback
       ORDER BY document_id, status_code`,
    );
  }

  async query<Row>(sql: string): Promise<Row[]> {
    return this.withDatabase(async (client) => (await client.query(sql)).rows as Row[]);
  }
}
