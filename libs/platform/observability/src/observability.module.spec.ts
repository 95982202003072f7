import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ObservabilityModule } from './observability.module';

describe(ObservabilityModule.name, () => {
  let sut: INestApplication;
  let base: string;
  let kafkaUp = false;

  beforeAll(async () => {
    sut = await NestFactory.create(
      ObservabilityModule.register([
        {
          name: 'kafka',
          check: async () => {
            if (!kafkaUp) throw new Error('broker unreachable');
          },
        },
      ]),
      { logger: false },
    );
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
