/**
 * Storage keys. Forge KVS allows `[a-zA-Z0-9:._\s-#]` up to 500 characters and queries in ascending
 * key order only, so revision keys count down from a large number: the newest revision comes first.
 */
const newestFirst = (revision: number) => String(9_999_999_999 - revision).padStart(10, '0');

export const storageKeys = {
  vision: (projectId: string) => `project:${projectId}:vision`,
  visionRevision: (projectId: string, revision: number) => `project:${projectId}:vision-rev:${newestFirst(revision)}`,
  visionRevisionPrefix: (projectId: string) => `project:${projectId}:vision-rev:`,
  goalBook: (projectId: string) => `project:${projectId}:goals`,
  goalBookRevision: (projectId: string, revision: number) => `project:${projectId}:goals-rev:${newestFirst(revision)}`,
};
