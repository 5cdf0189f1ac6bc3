/**
 * The manifest is validated offline with Forge's own validator (schema, resource paths, handler
 * files), and src/index.ts must export exactly the handlers it names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validate } from '@forge/manifest';

const root = join(__dirname, '..');
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  it("passes @forge/manifest's full validation", async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const result = await validate(false, 'manifest.yml');
      expect(result.errors ?? []).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('src/index.ts exports exactly the handlers the manifest names', () => {
    const named = (manifest.modules.function as Array<{ handler: string }>).map((f) => f.handler.replace(/^index\./, '')).sort();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the backend only in this test, not for the whole file
    const exported = Object.keys(require('../src/index')).sort();
    expect(exported).toEqual(named);
  });

  it('runs on a Node.js runtime Forge supports and serves Jira (required) and Confluence (optional)', () => {
    expect(manifest.app.runtime.name).toMatch(/^nodejs(22|24)\.x$/);
    expect(manifest.app.compatibility).toEqual({ jira: { required: true }, confluence: { required: false } });
  });

  it('declares every surface the app has, each with a Custom UI resource under static/', () => {
    const m = manifest.modules;
    for (const type of ['jira:projectSettingsPage', 'jira:projectPage', 'jira:issuePanel', 'macro'])
      expect(m[type]?.[0]?.resource).toBeDefined();
    expect(m.macro[0].config.resource).toBeDefined();
    const resources = new Map((manifest.resources as Array<{ key: string; path: string }>).map((r) => [r.key, r.path]));
    for (const type of ['jira:projectSettingsPage', 'jira:projectPage', 'jira:issuePanel', 'macro'])
      expect(resources.get(m[type][0].resource)).toMatch(/^static\//);
    expect(m['jira:entityProperty'][0].values.some((v: { searchAlias?: string }) => v.searchAlias)).toBe(true);
    expect(m.scheduledTrigger[0].interval).toBe('day');
    expect(m.consumer[0].queue).toBe('background-jobs');
  });

  it('asks for no remote egress and no scopes beyond the ones the app uses', () => {
    expect(manifest.remotes).toBeUndefined();
    expect(manifest.permissions.external).toBeUndefined();
    expect(manifest.permissions.content).toBeUndefined();
  });
});
