export { loadRoutingRules, compileRouter, routedConnectors } from './routing-rules';
export { explainRoutes } from './explain-routes';
