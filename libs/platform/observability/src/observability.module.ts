import {
  Controller,
  Get,
  Header,
  HttpStatus,
  Inject,
  Module,
  Res,
  type DynamicModule,
  type InjectionToken,
} from '@nestjs/common';
import type { Response } from 'express';
import { metricsRegistry } from './metrics';

/** A readiness check of one dependency; it throws (or rejects) when the dependency is not usable. */
interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/**
 * Dependencies that check themselves, by the name the readiness answer shows and the token they are
 * injected by: `{ kafka: KafkaConnection, postgres: Database }`. Each is ready when its `ping()` resolves.
 */
export type PingedDependencies = Record<string, InjectionToken>;

interface Pingable {
  ping(): Promise<void>;
}

@Controller()
class ObservabilityController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  /**
   * Liveness: the process answers. It never checks Kafka or PostgreSQL, so an outage of a dependency
   * makes the app unready (no traffic, no restart) instead of restarting every replica in a loop.
   */
  @Get('health/live')
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /** Readiness: every dependency answers (`/health` is kept as its older name). */
  @Get(['health', 'health/ready'])
  async health(@Res() response: Response): Promise<void> {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        try {
          await check();
          return [name, { status: 'up' }] as const;
        } catch (error) {
          return [name, { status: 'down', error: (error as Error).message }] as const;
        }
      }),
    );
    const ready = results.every(([, result]) => result.status === 'up');
    response
      .status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: ready ? 'up' : 'down', checks: Object.fromEntries(results) });
  }

  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}

/** `/health/live` (liveness), `/health/ready` or `/health` (readiness of the given checks) and `/metrics` (Prometheus) for an app. */
@Module({})
export class ObservabilityModule {
  static register(pinged: PingedDependencies): DynamicModule {
    const names = Object.keys(pinged);
    return {
      module: ObservabilityModule,
      controllers: [ObservabilityController],
      providers: [
        {
          provide: HEALTH_CHECKS,
          inject: Object.values(pinged),
          useFactory: (...dependencies: Pingable[]): HealthCheck[] =>
            names.map((name, index) => ({ name, check: () => dependencies[index].ping() })),
        },
      ],
    };
  }
}
