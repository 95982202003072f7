export const KPI_OPTIONS = Symbol('KPI_OPTIONS');

export interface KpiModuleOptions {
  overdueLimit: number;
  /** How often the live stream looks at the projection's marker. */
  liveIntervalMs: number;
  /** The console's base URL, for links to a dossier's trace. */
  consoleUrl: string;
}
