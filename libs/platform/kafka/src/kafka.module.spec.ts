import { ManagedServices } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { KafkaConnection } from './kafka-connection';
import { kafkaConfigSpec } from './kafka.config';
import { KafkaModule } from './kafka.module';
import { Topics } from './topics';

/** A stand-in connection that records what happens to it, in one log shared with the probe service. */
function fakeConnection(log: string[]) {
  return { close: async () => void log.push('connection closed') } as unknown as KafkaConnection;
}

/** A module using the connection the way every service does: started at bootstrap, stopped at shutdown. */
@Module({})
class ProbeModule {
  static register(log: string[]): DynamicModule {
    return {
      module: ProbeModule,
      providers: [
        {
          provide: ManagedServices,
          useFactory: (kafka: KafkaConnection, topics: Topics) =>
            new ManagedServices([
              {
                start: async () => void log.push(`started on ${topics.dossier}`),
                // A service stopping still needs the broker (a last commit or send).
                stop: async () => void log.push(`stopped, ${kafka === null ? 'no' : 'a'} connection`),
              },
            ]),
          inject: [KafkaConnection, Topics],
        },
      ],
    };
  }
}

describe(KafkaModule.name, () => {
  const config = readConfig(kafkaConfigSpec, { KAFKA_TOPIC_PREFIX: 'spec.' });

  async function appWith(log: string[]): Promise<INestApplicationContext> {
    const testing = await Test.createTestingModule({
      imports: [KafkaModule.forRoot(config), ProbeModule.register(log)],
    })
      .overrideProvider(KafkaConnection)
      .useValue(fakeConnection(log))
      .compile();
    return testing.init();
  }

  it('gives services the connection a test puts in its place, and closes it after they stopped', async () => {
    const log: string[] = [];
    const sut = await appWith(log);
    expect(sut.get(KafkaConnection)).toBe(sut.get(KafkaConnection));
    await sut.close();
    expect(log).toEqual(['started on spec.dossier.v1', 'stopped, a connection', 'connection closed']);
  });

  it('shares one connection between the apps of a process and closes it when the last stops', async () => {
    const close = jest.spyOn(KafkaConnection.prototype, 'close');
    const shared = KafkaModule.forRoot(config);
    const apps = () => Test.createTestingModule({ imports: [shared] }).compile();
    const first = await (await apps()).init();
    const second = await (await apps()).init();
    expect(second.get(KafkaConnection)).toBe(first.get(KafkaConnection));
    await first.close();
    expect(close).not.toHaveBeenCalled();
    await second.close();
    expect(close).toHaveBeenCalledTimes(1);
  });
});
