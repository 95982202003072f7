import type { Topics } from '@lienthong/kafka';

type TopicSpec = ReturnType<Topics['hubTopics']>[number];

/** What the console knows of the flow it watches: the source systems, the connectors, their topics and groups. */
export class Flow {
  constructor(
    readonly topics: Topics,
    readonly sources: string[],
    readonly connectors: string[],
    readonly retryLevels: number,
    readonly hubGroup: string,
  ) {}

  retryTopics(connector: string): string[] {
    return Array.from({ length: this.retryLevels }, (_, index) => this.topics.retry(connector, index + 1));
  }

  /** The topics of the whole flow, with the settings the hub and connectors create them with. */
  topicSpecs(): TopicSpec[] {
    const specs = [
      ...this.topics.hubTopics(this.sources, this.connectors),
      ...this.connectors.flatMap((connector) => this.topics.connectorTopics(connector, this.retryLevels)),
    ];
    return [...new Map(specs.map((spec) => [spec.name, spec])).values()];
  }
}
