/**
 * Bundles the backend exactly as `forge deploy` does: Atlassian's own @forge/bundler (webpack + ts-loader
 * with this app's tsconfig.json), one entry per module the manifest's handlers name. Offline: only the
 * runtime wrapper, which the CLI would download, comes from devtools/forge-runtime-wrapper.
 * Writes build/backend/ (the files Forge would upload) and build/backend/bundle.json (sizes).
 * A bundling or TypeScript error exits non-zero, so `npm run build` (and `npm test`) fail on it.
 */
// CommonJS on purpose: @forge/bundler refuses to run without `require.main`, as under the Forge CLI.
const { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'build', 'backend');

const { getNodeBundler, getEntryPoints, LocalWrapperProvider } = require('@forge/bundler');
const { FileSystemReader } = require('@forge/cli-shared');
const { parse } = require('yaml');

const quiet = process.argv.includes('--quiet');
const say = (...args) => {
  if (!quiet) console.log(...args);
};
const logger = {
  info: say,
  debug: () => {},
  trace: () => {},
  warn: (...args) => console.warn(...args),
  error: (...args) => console.error(...args),
  logWithLevel: () => {},
};

/** The handlers `manifest.yml` names, as `{ module, handler }` (e.g. `index.jiraResolver`). */
function manifestHandlers(manifestText = readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) {
  const manifest = parse(manifestText);
  return (manifest.modules.function ?? []).map((f) => {
    const [module, ...rest] = String(f.handler).split('.');
    return { key: f.key, module, handler: rest.join('.') };
  });
}

async function main() {
  process.chdir(ROOT); // the bundler resolves `src/<module>` from the working directory, as the CLI does
  const started = Date.now();
  const handlers = manifestHandlers();
  const entryPoints = getEntryPoints(handlers);
  const bundler = getNodeBundler(
    logger,
    new LocalWrapperProvider(new FileSystemReader(), join(ROOT, 'devtools', 'forge-runtime-wrapper')),
    { readConfig: async () => ({ app: {} }) },
  );
  let output;
  try {
    output = await bundler.bundle({ appDirectory: ROOT, entryPoints });
  } catch (error) {
    console.error(`Bundling failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  cpSync(output.outputDir, OUT, { recursive: true });
  for (const [name, content] of output.additionalOutputs ?? new Map()) {
    mkdirSync(dirname(join(OUT, name)), { recursive: true });
    writeFileSync(join(OUT, name), content);
  }
  rmSync(output.outputDir, { recursive: true, force: true });
  const files = readdirSync(OUT, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(OUT, f)).isFile())
    .sort();
  const code = files.filter((f) => f.endsWith('.cjs') && !f.startsWith('__forge'));
  const sizes = Object.fromEntries(code.map((f) => [f, statSync(join(OUT, f)).size]));
  const report = { entryPoints: entryPoints.map((e) => e.name), handlers, files: sizes, totalBytes: Object.values(sizes).reduce((a, b) => a + b, 0) };
  writeFileSync(join(OUT, 'bundle.json'), JSON.stringify(report, null, 2));
  say(`Backend bundled with @forge/bundler in ${((Date.now() - started) / 1000).toFixed(1)} s: ${code.map((f) => `${f} ${(sizes[f] / 1024).toFixed(0)} KB`).join(', ')}`);
}

module.exports = { manifestHandlers, OUT };
if (require.main === module) main();
