/** Operator control of connectors (pause/resume), obeyed by every replica, and the replicas' reports. */
export {
  ConnectorControl,
  type ControlState,
  type ReplicaReport,
  type ReplicaStatus,
} from './connector-control';
