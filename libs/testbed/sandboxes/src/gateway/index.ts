export { GatewayCheckModule } from './gateway-check.module';
export type { GatewayCheckCounts } from './gateway-check';
export {
  sandboxGatewayConfigSpec,
  sandboxGatewayOf,
  type SandboxGatewayConfigSpec,
  type SandboxGatewaySettings,
} from './sandbox-gateway.config';
