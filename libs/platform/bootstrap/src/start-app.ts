import { createLogger, PinoNestLogger, stopTracing } from '@lienthong/observability';
import type { DynamicModule, INestApplication, INestApplicationContext, ValueProvider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';

export interface RunningApp {
  name: string;
  app: INestApplicationContext;
  url?: string;
}

const logger = createLogger('bootstrap');

/** A module that consumes through a NestJS transport provides it under this token. */
export const TRANSPORT_STRATEGY = Symbol('TRANSPORT_STRATEGY');

export interface HttpOptions {
  port: number;
  host?: string;
  /** Runs before the routes are set up (OpenAPI documents, global pipes). */
  configure?: (app: NestExpressApplication) => void;
  /** Largest JSON body (body-parser syntax); 413 above it. */
  bodyLimit?: string;
  /** Keeps each JSON body's bytes as `request.rawBody` too. */
  rawBody?: boolean;
}

/** Boots one Nest module; with a port it serves HTTP there (port 0 picks a free one). */
export async function startApp(name: string, module: DynamicModule, http?: HttpOptions): Promise<RunningApp> {
  if (!http) {
    const app = await NestFactory.createApplicationContext(module, { logger: new PinoNestLogger() });
    await app.init();
    return { name, app };
  }
  const app = await NestFactory.create<NestExpressApplication>(module, {
    logger: new PinoNestLogger(),
    bodyParser: false,
    rawBody: http.rawBody ?? false,
  });
  app.useBodyParser('json', { limit: http.bodyLimit ?? '5mb' });
  http.configure?.(app);
  await app.init();
  const strategy = transportStrategy(module);
  if (strategy) {
    app.connectMicroservice({ strategy }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  const host = http.host ?? process.env.HTTP_HOST ?? '127.0.0.1';
  await app.listen(http.port, host);
  const url = (await (app as INestApplication).getUrl()).replace('[::1]', '127.0.0.1');
  logger.info({ app: name, url }, 'listening');
  return { name, app, url };
}

/** The Kafka transport a module provides under TRANSPORT_STRATEGY, if it has one. */
function transportStrategy(module: DynamicModule): CustomTransportStrategy | undefined {
  const provider = module.providers?.find(
    (candidate): candidate is ValueProvider<CustomTransportStrategy> =>
      typeof candidate === 'object' && 'provide' in candidate && candidate.provide === TRANSPORT_STRATEGY,
  );
  return provider?.useValue;
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
