import { ManagedServices } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { Module, type DynamicModule } from '@nestjs/common';
import { Simulator } from './simulator';
import { simulatorConfigSpec } from './simulator.config';

/** The sector-system simulator as a Nest module. */
@Module({})
export class SimulatorModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = readConfig({ ...kafkaConfigSpec, ...simulatorConfigSpec }, env);
    const kafka = new KafkaConnection(config);
    const simulator = new Simulator(kafka, new Topics(config.KAFKA_TOPIC_PREFIX), config);
    return {
      module: SimulatorModule,
      providers: [
        {
          provide: ManagedServices,
          useValue: new ManagedServices([{ stop: () => kafka.close() }, simulator]),
        },
      ],
    };
  }
}
