import { randomUUID } from 'node:crypto';
import { timeout, TimeoutStrategy } from 'cockatiel';
import type { KafkaConnection, Topics } from '@lienthong/kafka';
import { AnchorHistory, type AnchorReading, type ChainAnchor } from './audit-chain';

/**
 * Where the audit chain's head is kept outside the database, so that rows cut from the end of the
 * table (a TRUNCATE, or a DELETE by the table's owner with its triggers disabled) are found.
 */
export interface AuditAnchorStore {
  /**
   * Called inside the append's transaction, before it commits, so an anchor never lags a committed
   * row. A commit that fails afterwards leaves the anchor one row ahead of the table until the next
   * append overwrites it: a verify in between reports that row as missing.
   */
  publish(anchor: ChainAnchor): Promise<void>;
  /** The latest head anchored (null when none ever was), and what the kept anchors saw committed. */
  read(): Promise<AnchorReading>;
}

type Producer = Awaited<ReturnType<KafkaConnection['producer']>>;

/**
 * The producer never gives up on a send by itself, and an append waits for it holding the log's lock:
 * with the brokers away, the append (and so the action) fails after this instead of hanging.
 */
const publishTimeout = timeout(10_000, TimeoutStrategy.Aggressive);

/**
 * The head on the compacted topic `audit.anchor.v1`, one key per deployment (its database schema), read
 * read_committed. Every head names the row before it as the append found it, so the heads kept until
 * compaction (a week) also find rows cut from the end and then written anew. Whoever can write that
 * topic can move the anchor: grant it to the console alone.
 */
export class KafkaAuditAnchor implements AuditAnchorStore {
  private producer?: Promise<Producer>;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    private readonly deployment: string,
  ) {}

  async start(): Promise<void> {
    await this.kafka.ensureTopics([this.topics.auditAnchorSpec]);
  }

  async publish(anchor: ChainAnchor): Promise<void> {
    this.producer ??= this.kafka.producer().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    const producer = this.producer;
    await publishTimeout.execute(async () =>
      this.kafka.send(await producer, [
        { topic: this.topics.auditAnchor, key: this.deployment, value: JSON.stringify(anchor), headers: {} },
      ]),
    );
  }

  async read(): Promise<AnchorReading> {
    const history = new AnchorHistory();
    const group = this.topics.group(`lienthong.audit-anchor-reader.${randomUUID()}`);
    await this.kafka.readToEnd(this.topics.auditAnchor, group, ({ key, value, offset }) => {
      if (key === this.deployment) history.add(value ? parseAnchor(value, offset) : null);
    });
    return history.reading();
  }
}

function parseAnchor(value: Buffer, offset: string): ChainAnchor {
  const anchor = JSON.parse(value.toString('utf8')) as Partial<ChainAnchor>;
  if (
    !Number.isSafeInteger(anchor.id) ||
    typeof anchor.hash !== 'string' ||
    typeof anchor.prevHash !== 'string' ||
    typeof anchor.at !== 'string'
  ) {
    throw new Error(`the audit anchor at offset ${offset} is not a head ({id, hash, prevHash, at})`);
  }
  return { id: anchor.id!, hash: anchor.hash, prevHash: anchor.prevHash, at: anchor.at };
}
