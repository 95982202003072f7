import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';

/**
 * The lifetime of one resource (a broker connection, a pool) used by every Nest app of a process that
 * imports the same root module: the first app to start prepares it, the apps after it wait for that,
 * and the last app to stop closes it. A process with one app prepares at start and closes at stop.
 */
export class SharedResource<T> {
  private instance?: T;
  private users = 0;
  private prepared?: Promise<void>;

  constructor(
    private readonly lifecycle: {
      open(): T;
      prepare?(resource: T): Promise<void>;
      close(resource: T): Promise<void>;
    },
  ) {}

  /** The one instance, opened on first use. */
  get(): T {
    this.instance ??= this.lifecycle.open();
    return this.instance;
  }

  /** An app starts using `resource` (the shared one, or the stand-in a test put in its place). */
  async acquire(resource: T): Promise<void> {
    this.users += 1;
    this.prepared ??= this.lifecycle.prepare?.(resource) ?? Promise.resolve();
    await this.prepared;
  }

  /** An app has stopped; the last one closes the resource, and a later acquire prepares it again. */
  async release(resource: T): Promise<void> {
    this.users -= 1;
    if (this.users > 0) return;
    this.prepared = undefined;
    this.instance = undefined;
    await this.lifecycle.close(resource);
  }
}

/**
 * The root module that holds a shared resource for one app: it acquires it in `onModuleInit` and
 * releases it in `onApplicationShutdown`. A global module runs both hooks around every other module's
 * (@nestjs/core gives global modules the greatest distance), so the resource is ready before any
 * service starts and outlives them all.
 */
export abstract class SharedResourceModule<T> implements OnModuleInit, OnApplicationShutdown {
  protected constructor(
    private readonly resource: T,
    private readonly lifetime: SharedResource<T>,
  ) {}

  onModuleInit(): Promise<void> {
    return this.lifetime.acquire(this.resource);
  }

  onApplicationShutdown(): Promise<void> {
    return this.lifetime.release(this.resource);
  }
}
