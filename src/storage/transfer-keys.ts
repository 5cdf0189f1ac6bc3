/**
 * Storage keys of export and import. Everything a project stores is under `project:{id}:` (the export
 * reads that prefix; an import clears and writes it); the compare-and-set claims of its documents are
 * under `claim:project:{id}:`. An import's own records live beside, under `import:{id}:`, so clearing the
 * project never removes the file being imported.
 */
export const transferKeys = {
  project: (projectId: string) => `project:${projectId}:`,
  claims: (projectId: string) => `claim:project:${projectId}:`,
  /** The project's latest import: where it stands (one small record). */
  state: (projectId: string) => `import:${projectId}:state`,
  /** Held by the invocation that is writing an import, so two tabs cannot run it at once. */
  lease: (projectId: string) => `import:${projectId}:lease`,
  /** One uploaded chunk of the file (kept a week, then it expires by itself). */
  chunk: (projectId: string, importId: string, index: number) => `import:${projectId}:${importId}:chunk:${String(index).padStart(4, '0')}`,
};
