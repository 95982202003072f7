export { loadRoutingRules, compileRouter, routedConnectors, RoutingFileError } from './routing-rules';
export { explainRoutes, type RouteExplanation } from './explain-routes';
