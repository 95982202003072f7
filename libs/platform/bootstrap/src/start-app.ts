import { createLogger, PinoNestLogger, stopTracing } from '@lienthong/observability';
import {
  Module,
  type DynamicModule,
  type INestApplication,
  type INestApplicationContext,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';

export interface RunningApp {
  name: string;
  app: INestApplicationContext;
  url?: string;
}

const logger = createLogger('bootstrap');

export interface HttpOptions {
  port: number;
  host?: string;
  /** Runs before the routes are set up (OpenAPI documents, global pipes). */
  configure?: (app: NestExpressApplication) => void;
  /** Largest JSON body (body-parser syntax); 413 above it. */
  bodyLimit?: string;
  /** Keeps each JSON body's bytes as `request.rawBody` too. */
  rawBody?: boolean;
  /** The class of a NestJS transport the module provides, started beside HTTP (the hub's Kafka consumer). */
  transport?: Type<CustomTransportStrategy>;
}

/** An app's root: its modules beside the resources they share (`KafkaModule.forRoot`, `DatabaseModule.forRoot`). */
function rootOf(modules: DynamicModule[]): DynamicModule {
  @Module({})
  class AppModule {}
  return { module: AppModule, imports: modules };
}

/** Boots one Nest app of these modules; with a port it serves HTTP there (port 0 picks a free one). */
export async function startApp(
  name: string,
  modules: DynamicModule | DynamicModule[],
  http?: HttpOptions,
): Promise<RunningApp> {
  const module = Array.isArray(modules) ? rootOf(modules) : modules;
  if (!http) {
    const app = await NestFactory.createApplicationContext(module, {
      logger: new PinoNestLogger(),
      abortOnError: false,
    });
    await app.init();
    return { name, app };
  }
  const app = await NestFactory.create<NestExpressApplication>(module, {
    logger: new PinoNestLogger(),
    // A module that cannot be built (a bad setting found by a resource) rejects, so runMain says why.
    abortOnError: false,
    bodyParser: false,
    rawBody: http.rawBody ?? false,
  });
  app.useBodyParser('json', { limit: http.bodyLimit ?? '5mb' });
  http.configure?.(app);
  await app.init();
  if (http.transport) {
    app.connectMicroservice({ strategy: app.get(http.transport) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  const host = http.host ?? process.env.HTTP_HOST ?? '127.0.0.1';
  await app.listen(http.port, host);
  const url = (await (app as INestApplication).getUrl()).replace('[::1]', '127.0.0.1');
  logger.info({ app: name, url }, 'listening');
  return { name, app, url };
}

/** Keeps the apps running until SIGINT or SIGTERM, then closes them in reverse order and exits. */
export function runUntilSignal(apps: RunningApp[]): void {
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    for (const { name, app } of [...apps].reverse()) {
      const started = Date.now();
      await app.close().catch((error: unknown) => logger.error({ err: error, app: name }, 'close failed'));
      logger.info({ app: name, ms: Date.now() - started }, 'closed');
    }
    await stopTracing();
    logger.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void close(signal));
  // Periodic tasks never hold the process: an app serving no HTTP (the simulator) lives until a signal by this.
  setInterval(() => undefined, 2 ** 30);
}

/** Runs an app's main function; a start-up failure (a bad config key, an unreachable broker) exits 1 with its reason. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    logger.fatal({ err: error }, `cannot start: ${(error as Error).message}`);
    process.exit(1);
  });
}
