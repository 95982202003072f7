import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/** Something with a life: started when the app boots, stopped when it shuts down. */
export interface ManagedService {
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** Starts the given services in order when the Nest app boots and stops them in reverse order. */
export class ManagedServices implements OnApplicationBootstrap, OnApplicationShutdown {
  private started: ManagedService[] = [];

  constructor(private readonly services: ManagedService[]) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const service of this.services) {
      await service.start?.();
      this.started.push(service);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const service of this.started.reverse()) await service.stop?.();
    this.started = [];
  }
}
