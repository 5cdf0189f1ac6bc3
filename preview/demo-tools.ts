/**
 * What the preview app hands the demo seeding. In a file of its own so that preview-app.ts, demo-data.ts
 * and post-launch-demo.ts share these shapes without importing each other in a cycle.
 */
export interface InvokeRequest {
  functionKey: string;
  payload?: unknown;
  context: { moduleKey?: string } & Record<string, unknown>;
  /** The signed-in user; null for a request with no account. */
  accountId: string | null;
  /** Confluence surfaces only: false plays a site whose admin has not connected Jira to the installation. */
  jiraConnected?: boolean;
}

export interface DemoTools {
  invoke(request: InvokeRequest): Promise<{ status: number; body: unknown }>;
  /** Moves the app's clock back `days` days (0: now), as if the actions ran then. */
  setDaysAgo(days: number): void;
  /** Runs every queued background event. */
  drain(): Promise<unknown>;
  issueId(key: string): string;
}
