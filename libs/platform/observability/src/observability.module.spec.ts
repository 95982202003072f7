import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ObservabilityModule } from './observability.module';

let kafkaUp = false;

/** A dependency that checks itself, provided globally as KafkaModule provides the broker connection. */
class Broker {
  async ping(): Promise<void> {
    if (!kafkaUp) throw new Error('broker unreachable');
  }
}

@Global()
@Module({ providers: [Broker], exports: [Broker] })
class BrokerModule {}

@Module({ imports: [BrokerModule, ObservabilityModule.register({ kafka: Broker })] })
class AppModule {}

describe(ObservabilityModule.name, () => {
  let sut: INestApplication;
  let base: string;

  beforeAll(async () => {
    sut = await NestFactory.create(AppModule, { logger: false });
    await sut.listen(0, '127.0.0.1');
    base = (await sut.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(() => sut.close());

  it('stays live while a dependency is down, and is unready until it answers', async () => {
    kafkaUp = false;
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: 'down',
      checks: { kafka: { status: 'down', error: 'broker unreachable' } },
    });
    expect((await fetch(`${base}/health`)).status).toBe(503);

    kafkaUp = true;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
