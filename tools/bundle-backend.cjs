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
const { FileSystemReader, I18nResourceBundlingService } = require('@forge/cli-shared');
const { parse } = require('yaml');

const quiet = process.argv.includes('--quiet');
const say = (...args) => {
  if (!quiet) console.log(...args);
};
const makeLogger = (info) => ({
  info,
  debug: () => {},
  trace: () => {},
  warn: (...args) => console.warn(...args),
  error: (...args) => console.error(...args),
  logWithLevel: () => {},
});

/**
 * The manifest's `translations` as the CLI ships them beside the functions (`__LOCALES__/`: each
 * locale file and `i18n-info.json`), made by the CLI's own service, so `@forge/api`'s i18n reads
 * here what it reads on Forge.
 */
async function i18nResourceBundle(manifestText = readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) {
  const manifest = parse(manifestText);
  return new I18nResourceBundlingService().bundle(manifest.modules, manifest.translations);
}

/** The handlers `manifest.yml` names, as `{ module, handler }` (e.g. `index.jiraResolver`). */
function manifestHandlers(manifestText = readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) {
  const manifest = parse(manifestText);
  return (manifest.modules.function ?? []).map((f) => {
    const [module, ...rest] = String(f.handler).split('.');
    return { key: f.key, module, handler: rest.join('.') };
  });
}

/**
 * Bundles the app in `appDirectory` (its `src/<module>` entries, its tsconfig.json) into `outDir`, as
 * `forge deploy` does, and writes `outDir/bundle.json`: every emitted .cjs file (entries and the chunks
 * webpack splits off at dynamic `import()`s) with its size. Throws on a bundling or TypeScript error.
 */
async function bundleApp({ appDirectory = ROOT, handlers = manifestHandlers(), outDir = OUT, silent = false } = {}) {
  const cwd = process.cwd();
  process.chdir(appDirectory); // the bundler resolves `src/<module>` from the working directory, as the CLI does
  try {
    const entryPoints = getEntryPoints(handlers);
    const bundler = getNodeBundler(
      makeLogger(silent ? () => {} : say),
      new LocalWrapperProvider(new FileSystemReader(), join(ROOT, 'devtools', 'forge-runtime-wrapper')),
      { readConfig: async () => ({ app: {} }) },
    );
    const output = await bundler.bundle({ appDirectory, entryPoints, i18nResourceBundle: await i18nResourceBundle(readFileSync(join(appDirectory, 'manifest.yml'), 'utf8')) });
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    cpSync(output.outputDir, outDir, { recursive: true });
    for (const [name, content] of output.additionalOutputs ?? new Map()) {
      mkdirSync(dirname(join(outDir, name)), { recursive: true });
      // A string is a file's path (the CLI's archiver copies it, as the translations are given); a Buffer is content.
      if (typeof content === 'string') cpSync(content, join(outDir, name));
      else writeFileSync(join(outDir, name), content);
    }
    rmSync(output.outputDir, { recursive: true, force: true });
    const files = readdirSync(outDir, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(outDir, f)).isFile())
      .sort();
    const code = files.filter((f) => f.endsWith('.cjs') && !f.startsWith('__forge'));
    const sizes = Object.fromEntries(code.map((f) => [f, statSync(join(outDir, f)).size]));
    const entries = entryPoints.map((e) => e.name);
    const chunks = Object.fromEntries(code.filter((f) => !entries.includes(f.replace(/\.cjs$/, ''))).map((f) => [f, sizes[f]]));
    const report = {
      entryPoints: entries,
      handlers,
      files: sizes,
      entryBytes: Object.fromEntries(entries.map((e) => [e, sizes[`${e}.cjs`]])),
      chunks,
      totalBytes: Object.values(sizes).reduce((a, b) => a + b, 0),
    };
    writeFileSync(join(outDir, 'bundle.json'), JSON.stringify(report, null, 2));
    return report;
  } finally {
    process.chdir(cwd);
  }
}

async function main() {
  const started = Date.now();
  let report;
  try {
    report = await bundleApp();
  } catch (error) {
    console.error(`Bundling failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const entries = report.entryPoints.map((e) => `${e}.cjs ${kb(report.entryBytes[e])}`).join(', ');
  const chunks = Object.keys(report.chunks).length;
  say(`Backend bundled with @forge/bundler in ${((Date.now() - started) / 1000).toFixed(1)} s: ${entries}` + (chunks ? `, ${chunks} chunks ${kb(Object.values(report.chunks).reduce((a, b) => a + b, 0))}` : ''));
}

module.exports = { bundleApp, manifestHandlers, OUT };
if (require.main === module) main();
