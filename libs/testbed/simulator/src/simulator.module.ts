import { ManagedServices } from '@lienthong/bootstrap';
import { KafkaConnection, Topics } from '@lienthong/kafka';
import { Module, type DynamicModule } from '@nestjs/common';
import { Simulator } from './simulator';
import { SIMULATOR_CONFIG, type SimulatorConfig } from './simulator.config';

/** The sector-system simulator as a Nest module; Kafka comes from `KafkaModule`. */
@Module({})
export class SimulatorModule {
  static register(config: SimulatorConfig): DynamicModule {
    return {
      module: SimulatorModule,
      providers: [
        // A plain copy: Nest probes provider values for lifecycle hooks, which the strict config object refuses.
        { provide: SIMULATOR_CONFIG, useValue: { ...config } },
        {
          provide: Simulator,
          useFactory: (kafka: KafkaConnection, topics: Topics, c: SimulatorConfig) =>
            new Simulator(kafka, topics, c),
          inject: [KafkaConnection, Topics, SIMULATOR_CONFIG],
        },
        {
          provide: ManagedServices,
          useFactory: (simulator: Simulator) => new ManagedServices([simulator]),
          inject: [Simulator],
        },
      ],
    };
  }
}
