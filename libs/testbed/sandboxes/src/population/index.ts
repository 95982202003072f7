export { PopulationSandboxModule } from './population-sandbox.module';
export { populationSandboxConfigSpec, type PopulationSandboxConfig } from './population-sandbox.config';
