/**
 * The Confluence side of the preview: the macro's config as a Confluence page keeps it (page content,
 * the same for every viewer; saved by the config screen's `view.submit({ config })`), and the project
 * properties that publishing writes, kept beside the database so the macro still shows the published
 * vision after a restart; both files are replaced atomically (devtools/local/atomic-file.ts). The macro's
 * resolver is the bundle's `macro-resolver`, run by the platform stand-in, which also plays "Jira not
 * connected to the installation".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../devtools/local/atomic-file';
import type { JiraSite } from '../devtools/simulated-jira/site';

/** What a config screen may save: JSON, bounded (Confluence stores it in the page). */
const MAX_CONFIG_CHARS = 10_000;

export interface ConfluenceHost {
  /** The saved config of the macro with this local id (undefined: not configured yet). */
  config(localId: string): unknown;
  /** Saves a config as the config screen submitted it; false when it is not JSON-sized. */
  saveConfig(localId: string, config: unknown): boolean;
  /** Writes the simulated Jira's project properties to disk (after a publish). */
  saveProjectProperties(): void;
}

export function createConfluenceHost(o: { site: JiraSite; dataDir: string; fresh: boolean }): ConfluenceHost {
  const configsFile = join(o.dataDir, 'confluence-macros.json');
  const propertiesFile = join(o.dataDir, 'jira-project-properties.json');
  const configs = new Map<string, unknown>(o.fresh ? [] : Object.entries(readJson(configsFile) ?? {}));
  if (!o.fresh) {
    const saved = (readJson(propertiesFile) ?? {}) as Record<string, Record<string, unknown>>;
    for (const project of o.site.projects) for (const [k, v] of Object.entries(saved[project.key] ?? {})) project.properties.set(k, v);
  }

  return {
    config: (localId) => configs.get(localId),
    saveConfig(localId, config) {
      const text = JSON.stringify(config ?? null);
      if (text === undefined || text.length > MAX_CONFIG_CHARS) return false;
      configs.set(localId, JSON.parse(text));
      writeFileAtomic(configsFile, JSON.stringify(Object.fromEntries(configs), null, 1));
      return true;
    },
    saveProjectProperties() {
      const all = Object.fromEntries(o.site.projects.map((p) => [p.key, Object.fromEntries(p.properties)]));
      writeFileAtomic(propertiesFile, JSON.stringify(all, null, 1));
    },
  };
}

function readJson(file: string): Record<string, unknown> | null {
  if (!existsSync(file)) return null;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch (error) {
    console.warn(`Ignoring ${file}:`, error instanceof Error ? error.message : error);
    return null;
  }
}

