import { parseTokenTtl, TokenStore } from '@lienthong/access';
import { AuditLog, KafkaAuditAnchor } from '@lienthong/audit';
import { ManagedServices } from '@lienthong/bootstrap';
import { projectPath } from '@lienthong/config';
import { ConnectorControl } from '@lienthong/connector-control';
import {
  Database,
  DATABASE_CONFIG,
  Retention,
  type DatabaseConfig,
  type RetentionRule,
} from '@lienthong/database';
import { KafkaConnection, Topics } from '@lienthong/kafka';
import { PortalClient, type PortalConfig } from '@lienthong/national-portal';
import { createLogger, ObservabilityModule } from '@lienthong/observability';
import {
  PaymentLedger,
  PaymentReceiptStore,
  standalonePaymentReconciler,
  type PaymentConfig,
} from '@lienthong/payment';
import { ApplicantSeal } from '@lienthong/personal-data';
import { loadRoutingRules, routedConnectors } from '@lienthong/routing';
import { SOURCE_MAPPERS } from '@lienthong/sources';
import { Module, ValidationPipe, type DynamicModule, type INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { BearerGuard } from './access/bearer.guard';
import { CONSOLE_BODY_LIMIT } from './access/input-rules';
import { OperatorAction } from './access/operator-action';
import { rateLimits } from './access/rate-limits';
import { RefusalAuditFilter } from './access/refusal-audit.filter';
import { StorableInputInterceptor } from './access/storable-input.interceptor';
import { AuditController } from './audit/audit.controller';
import {
  checkAdminToken,
  CONSOLE_CONFIG,
  type ConsoleConfig,
  type PortalResyncConfig,
} from './console.config';
import { ConnectorStatusQuery } from './connectors/connector-status.usecase';
import { ConnectorsController } from './connectors/connectors.controller';
import { DeadLetterIndex } from './dead-letters/dead-letter-index';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { ReplayClaims } from './dead-letters/replay-claims';
import { ReplayDeadLetters } from './dead-letters/replay-dead-letters.usecase';
import { Flow } from './flow';
import { PAYMENT_RECONCILER, PaymentsController } from './payments/payments.controller';
import { PaymentsOverview } from './payments/payments.usecase';
import { PortalResync } from './resync/portal-resync';
import { PORTAL_RESYNC, ResyncController } from './resync/resync.controller';
import { PersonalDataGuard } from './personal-data/personal-data.guard';
import { RevealController } from './personal-data/reveal.controller';
import { RevealDossier } from './personal-data/reveal-dossier.usecase';
import { TokensController } from './tokens/tokens.controller';
import { TraceController } from './trace/trace.controller';
import { TraceDossier } from './trace/trace-dossier.usecase';
import { topicPlaces } from './trail/topic-map';
import { TrailIndexer } from './trail/trail-indexer';

const logger = createLogger('console');

/**
 * What the console keeps, and for how long: the trail as long as the topics keep their messages, dead
 * letters (payloads with personal data) for DLQ_RETENTION_DAYS unless an operator holds them.
 */
export function consoleRetention(config: ConsoleConfig): RetentionRule[] {
  return [
    { table: 'dossier_trail', column: 'at', days: config.CONSOLE_TRAIL_RETENTION_DAYS },
    { table: 'dead_letters', column: 'failed_at', days: config.DLQ_RETENTION_DAYS, keep: 'held' },
  ];
}

/** The web pages: plain files, no build step. */
export const CONSOLE_WEB_ROOT = projectPath('libs', 'operations', 'console', 'web');

/**
 * The operator console as a Nest module: the API under /api/v1 (bearer tokens with roles, every
 * change audited), the web pages at /, and the trail indexer that follows every topic of the flow.
 * Kafka and the database come from `KafkaModule` and `DatabaseModule`; `portal` (see
 * `readPortalLookup`) turns on the traces' live lookup at the national portal, `payment` (see
 * `readPaymentReconcile`) the payments page's reconciliation, `resync` (see `readPortalResync`) the
 * trace page's per-dossier re-sync.
 */
@Module({})
export class ConsoleModule {
  static register(
    config: ConsoleConfig,
    portal: PortalConfig | null,
    payment: PaymentConfig | null = null,
    resync: PortalResyncConfig | null = null,
  ): DynamicModule {
    checkAdminToken(config);
    return {
      module: ConsoleModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: CONSOLE_WEB_ROOT,
          renderPath: '/',
          serveStaticOptions: { index: 'index.html' },
        }),
        ObservabilityModule.register({ kafka: KafkaConnection, postgres: Database }),
        ThrottlerModule.forRoot(rateLimits(config)),
      ],
      controllers: [
        ConnectorsController,
        DeadLettersController,
        TraceController,
        RevealController,
        TokensController,
        AuditController,
        PaymentsController,
        ResyncController,
      ],
      providers: [
        // A plain copy: Nest inspects provider values for lifecycle hooks, which the strict config object refuses.
        { provide: CONSOLE_CONFIG, useValue: { ...config } },
        { provide: PortalClient, useFactory: () => (portal ? new PortalClient(portal) : null) },
        {
          // Both parts, for the reveal only: a dead letter taken from dossier.v1 holds its applicant sealed.
          provide: ApplicantSeal,
          useFactory: (c: ConsoleConfig) => ApplicantSeal.opening('clear', c),
          inject: [CONSOLE_CONFIG],
        },
        {
          provide: PaymentLedger,
          useFactory: (database: Database) => new PaymentLedger(database),
          inject: [Database],
        },
        {
          provide: PaymentReceiptStore,
          useFactory: (database: Database) => new PaymentReceiptStore(database),
          inject: [Database],
        },
        {
          provide: PAYMENT_RECONCILER,
          useFactory: (database: Database) =>
            payment ? standalonePaymentReconciler(payment, database) : null,
          inject: [Database],
        },
        {
          provide: PORTAL_RESYNC,
          useFactory: (database: Database) => (resync ? new PortalResync(resync, database) : null),
          inject: [Database],
        },
        {
          provide: Flow,
          useFactory: (c: ConsoleConfig, topics: Topics) =>
            new Flow(
              topics,
              SOURCE_MAPPERS.map((mapper) => mapper.system),
              routedConnectors(loadRoutingRules(c.ROUTES_FILE)),
              c.CONNECTOR_RETRY_DELAYS_S.length,
              topics.group(c.HUB_GROUP_ID),
            ),
          inject: [CONSOLE_CONFIG, Topics],
        },
        {
          provide: TokenStore,
          useFactory: (database: Database, c: ConsoleConfig) =>
            new TokenStore(database, parseTokenTtl(c.CONSOLE_TOKEN_TTL)),
          inject: [Database, CONSOLE_CONFIG],
        },
        {
          provide: KafkaAuditAnchor,
          useFactory: (kafka: KafkaConnection, topics: Topics, database: DatabaseConfig) =>
            new KafkaAuditAnchor(kafka, topics, database.DATABASE_SCHEMA),
          inject: [KafkaConnection, Topics, DATABASE_CONFIG],
        },
        {
          provide: AuditLog,
          useFactory: (database: Database, c: ConsoleConfig, anchor: KafkaAuditAnchor) =>
            new AuditLog(database, c.AUDIT_KEY, anchor),
          inject: [Database, CONSOLE_CONFIG, KafkaAuditAnchor],
        },
        {
          provide: ConnectorControl,
          useFactory: (database: Database) => new ConnectorControl(database),
          inject: [Database],
        },
        {
          provide: TrailIndexer,
          useFactory: (kafka: KafkaConnection, database: Database, flow: Flow) =>
            new TrailIndexer(
              kafka,
              database,
              flow.topics,
              topicPlaces(flow.topics, flow.sources, flow.connectors, flow.retryLevels),
              SOURCE_MAPPERS,
              flow.topicSpecs(),
            ),
          inject: [KafkaConnection, Database, Flow],
        },
        {
          provide: ManagedServices,
          useFactory: (
            c: ConsoleConfig,
            database: Database,
            tokens: TokenStore,
            indexer: TrailIndexer,
            anchor: KafkaAuditAnchor,
            portalResync: PortalResync | null,
          ) =>
            new ManagedServices([
              ...(portalResync ? [portalResync] : []),
              anchor,
              {
                start: async () => {
                  if (c.CONSOLE_ADMIN_TOKEN) {
                    await tokens.ensure(c.CONSOLE_ADMIN_TOKEN, 'admin (CONSOLE_ADMIN_TOKEN)', 'admin');
                  } else if (
                    !(await tokens.list()).some((token) => token.role === 'admin' && !token.revokedAt)
                  ) {
                    logger.warn(
                      'no admin token yet: set CONSOLE_ADMIN_TOKEN, or run `npm run lienthong -- token create --local --name <you> --role admin` on this host',
                    );
                  }
                },
              },
              indexer,
              new Retention(database, consoleRetention(c)),
            ]),
          inject: [CONSOLE_CONFIG, Database, TokenStore, TrailIndexer, KafkaAuditAnchor, PORTAL_RESYNC],
        },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: StorableInputInterceptor },
        { provide: APP_FILTER, useClass: RefusalAuditFilter },
        BearerGuard,
        OperatorAction,
        DeadLetterIndex,
        ReplayClaims,
        ReplayDeadLetters,
        ConnectorStatusQuery,
        TraceDossier,
        PersonalDataGuard,
        RevealDossier,
        PaymentsOverview,
      ],
    };
  }
}

/** What the console app sets up before its routes: request validation (400 naming the field) and OpenAPI at /api/docs. */
function configureConsole(app: INestApplication): void {
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Lienthong console API')
      .setDescription(
        'Connector status and control, dead letters, dossier traces, payments and receipts, tokens and the audit log',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}

/**
 * How the console is served (give it to `startApp`): JSON bodies up to CONSOLE_BODY_LIMIT (400 above),
 * kept raw too so that a refused one is audited by its size and hash, never its content.
 */
export const consoleHttp = { configure: configureConsole, bodyLimit: CONSOLE_BODY_LIMIT, rawBody: true };
