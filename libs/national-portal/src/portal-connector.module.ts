import { port } from '@lienthong/config';
import {
  connectorBaseConfigSpec,
  ConnectorModule,
  type ConnectorDefinition,
} from '@lienthong/connector-runtime';
import type { DynamicModule } from '@nestjs/common';
import { PortalClient } from './portal-client';
import { portalConfigSpec } from './portal.config';
import { PortalConnector } from './portal.connector';

const portalConnectorOwnSpec = {
  ...portalConfigSpec,
  PORTAL_CONNECTOR_HTTP_PORT: port({
    default: 8091,
    desc: 'Port of the national-portal connector /health and /metrics',
  }),
};

export const portalConnectorConfigSpec = { ...connectorBaseConfigSpec, ...portalConnectorOwnSpec };

export const portalConnectorDefinition: ConnectorDefinition<typeof portalConnectorOwnSpec> = {
  configSpec: portalConnectorOwnSpec,
  create: (config) => ({ connector: new PortalConnector(new PortalClient(config)) }),
};

/** The national-portal connector as a Nest module: configuration read and validated at start-up. */
export const PortalConnectorModule = {
  register: (env: NodeJS.ProcessEnv = process.env): DynamicModule =>
    ConnectorModule.register(portalConnectorDefinition, env),
};
