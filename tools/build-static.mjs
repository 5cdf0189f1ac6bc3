#!/usr/bin/env node
/**
 * Builds every Custom UI surface: each `static/<surface>/src/index.tsx` becomes
 * `static/<surface>/build/{index.html, main.js, main.css}` (Forge serves that folder as a resource).
 *
 * - Surfaces are discovered from the file system; `discoverSurfaces()` is exported for tools and tests.
 * - `*.style.ts` modules are evaluated here, at build time, and their default export (a CSS string
 *   written with `token()` from @atlaskit/tokens) lands in `main.css`. Nothing injects <style> at
 *   runtime, so the app needs no `unsafe-inline` style permission.
 * - Translations: the keys of the `t('…')` calls in the surface's own code (static/**) are looked up in each
 *   locale's dictionary (static/locales/<locale>/*.json); `build/locales/<locale>.json` gets those keys only,
 *   and the bundle learns the manifest's fallback rules and which locales exist (`__PV_TRANSLATIONS__`).
 *   English needs no dictionary: its text is the key.
 * - Code splitting (ES modules): a part of a page that is closed when it loads may `import()` its code; it
 *   becomes a chunk in `build/chunks/` of the same resource, fetched by relative path when opened (nothing
 *   from outside the app). Code the page and such a part share lands in `chunks/chunk-*.js`, which main.js
 *   imports. A lazy module's own CSS becomes chunks/<module>.css, which its loader links (shared/lazy.tsx).
 * - Prints a table of each surface's gzip size of what the page loads first (main.js with the chunks it
 *   imports, + main.css) against its budget (`static/budgets.json`, also read by `test/bundle-budget.test.ts`),
 *   and of its lazy chunks.
 *
 * Usage: node tools/build-static.mjs [surface ...]
 */
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { dictionaryLocales, extractKeys, manifestFallback, readDictionary } from './i18n-keys.mjs';

/** Loaded with `import()` but by every page at once (see static/shared/bridge.ts): counted with main.js. */
export const EAGER_CHUNK = 'static/shared/forge-bridge.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STATIC = join(ROOT, 'static');

/** Names of the folders under static/ that have a `src/index.tsx` entry. */
export function discoverSurfaces(staticDir = STATIC) {
  return readdirSync(staticDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(staticDir, d.name, 'src', 'index.tsx')))
    .map((d) => d.name)
    .sort();
}

/** Budget in gzip bytes of main.js + main.css for one surface. */
export function budgetFor(surface, staticDir = STATIC) {
  const budgets = JSON.parse(readFileSync(join(staticDir, 'budgets.json'), 'utf8'));
  return budgets.surfaces?.[surface] ?? budgets.default;
}

export const gzipBytes = (buf) => gzipSync(buf, { level: 9 }).length;

const html = (surface, hasCss) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Product Vision · ${surface}</title>${hasCss ? '\n    <link rel="stylesheet" href="main.css" />' : ''}
  </head>
  <body>
    <div id="root"></div>
    <!-- forge-bridge -->
    <script type="module" src="main.js"></script>
  </body>
</html>
`;

/** Evaluates a `*.style.ts` module in Node and hands its default export to esbuild as CSS. */
const styleModulePlugin = {
  name: 'style-modules',
  setup(build) {
    build.onLoad({ filter: /\.style\.ts$/ }, async (args) => {
      const result = await esbuild.build({
        entryPoints: [args.path],
        bundle: true,
        write: false,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        metafile: true,
        logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"' },
      });
      const code = result.outputFiles[0].text;
      const mod = { exports: {} };
      const req = createRequire(pathToFileURL(args.path));
      new Function('module', 'exports', 'require', code)(mod, mod.exports, req);
      const css = mod.exports.default;
      if (typeof css !== 'string') throw new Error(`${args.path} must export a CSS string as default`);
      const watchFiles = Object.keys(result.metafile.inputs).map((f) => resolve(f));
      return { contents: css, loader: 'css', watchFiles };
    });
  },
};

/**
 * `@forge/bridge/out/<part>` → that file of the installed package: its `exports` map lists only the index,
 * which evaluates every bridge module (object store, egress rules, i18n with tslib and lodash…); see
 * static/shared/forge-bridge.ts. And the bridge's `view.getContext` takes only `ensureLocale` from
 * `@forge/i18n`: it gets that file, not the index (checked, so a bridge that uses more fails the build).
 */
export const forgeBridgeParts = {
  name: 'forge-bridge-parts',
  setup(build) {
    const bridgeOut = join(ROOT, 'node_modules', '@forge', 'bridge', 'out');
    build.onResolve({ filter: /^@forge\/bridge\/out\/[a-z-]+(\/[a-zA-Z-]+)?$/ }, (args) => {
      const file = join(bridgeOut, `${args.path.slice('@forge/bridge/out/'.length)}.js`);
      if (!existsSync(file)) return { errors: [{ text: `${args.path}: no such file in @forge/bridge (its layout changed?)` }] };
      return { path: file };
    });
    build.onResolve({ filter: /^@forge\/i18n$/ }, (args) => {
      if (args.importer !== join(bridgeOut, 'view', 'getContext.js')) return undefined;
      const uses = new Set(readFileSync(args.importer, 'utf8').match(/i18n_1\.\w+/g));
      if (uses.size !== 1 || !uses.has('i18n_1.ensureLocale'))
        return { errors: [{ text: `@forge/bridge's getContext uses ${[...uses].join(', ')} of @forge/i18n, not only ensureLocale` }] };
      return { path: join(ROOT, 'node_modules', '@forge', 'i18n', 'out', 'ensureLocale.js') };
    });
  },
};

/**
 * Each `*.style.ts` is evaluated on its own, so each brings the light/dark fallback palette of the tokens
 * it uses (style-kit.ts `paletteCss`); main.css gets one `:root` and one dark block with all of them,
 * where the first of those blocks was. A variable given two different values fails the build.
 */
export function mergePalettes(css) {
  const blocks = /(:root|html\[data-color-mode=(?:"dark"|dark)\])\{(--pv-[^{}]*)\}/g;
  const merged = new Map();
  for (const [, selector, body] of css.matchAll(blocks)) {
    const decls = merged.get(selector) ?? new Map();
    merged.set(selector, decls);
    for (const d of body.split(';').filter(Boolean)) {
      const at = d.indexOf(':');
      const [name, value] = [d.slice(0, at), d.slice(at + 1)];
      if (decls.has(name) && decls.get(name) !== value) throw new Error(`Palette variable ${name} is both ${decls.get(name)} and ${value}`);
      decls.set(name, value);
    }
  }
  const written = new Set();
  return css.replace(blocks, (_, selector) => {
    if (written.has(selector)) return '';
    written.add(selector);
    return `${selector}{${[...merged.get(selector)].map(([k, v]) => `${k}:${v}`).join(';')}}`;
  });
}

export async function buildSurface(surface, { minify = true } = {}) {
  const srcDir = join(STATIC, surface, 'src');
  const outDir = join(STATIC, surface, 'build');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const locales = dictionaryLocales(STATIC);
  const translations = { ...manifestFallback(ROOT), locales };
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    metafile: true,
    entryPoints: { main: join(srcDir, 'index.tsx') },
    outdir: outDir,
    bundle: true,
    minify,
    format: 'esm',
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', __PV_TRANSLATIONS__: JSON.stringify(translations) },
    // Only `view.createAdfRendererIframeProps` of @forge/bridge loads iframe-resizer, through a dynamic
    // import that this app never reaches; inlining it would cost ~10 KB gzip on every surface.
    external: ['iframe-resizer'],
    // Fonts/images must never come from outside (Forge "Runs on Atlassian"); none are referenced.
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' },
    plugins: [styleModulePlugin, forgeBridgeParts],
  });

  const keys = new Set(
    Object.keys(result.metafile.inputs)
      .filter((f) => f.startsWith('static/') && /\.tsx?$/.test(f) && !f.endsWith('.style.ts'))
      .flatMap((f) => extractKeys(readFileSync(join(ROOT, f), 'utf8'))),
  );
  const dictionaries = {};
  mkdirSync(join(outDir, 'locales'), { recursive: true });
  for (const locale of locales) {
    const all = readDictionary(locale, STATIC);
    const own = Object.fromEntries([...keys].sort().filter((k) => k in all).map((k) => [k, all[k]]));
    const text = JSON.stringify(own);
    writeFileSync(join(outDir, 'locales', `${locale}.json`), text);
    dictionaries[locale] = { keys: Object.keys(own).length, gzip: gzipBytes(Buffer.from(text)) };
  }

  const outputs = result.metafile.outputs;
  const rel = (f) => relative(outDir, resolve(ROOT, f)).split(sep).join('/');
  // esbuild's main.css takes the CSS of every module the page can reach, lazy ones too; the copies it
  // writes beside lazy chunks are never loaded. A lazy module's own CSS is its sibling `<module>.style.ts`,
  // built here into chunks/<module>.css, which its loader links (static/shared/lazy.tsx chunkStyles).
  const lazyCss = [];
  for (const f of Object.keys(outputs).filter((o) => o.endsWith('.css') && rel(o) !== 'main.css')) {
    rmSync(resolve(ROOT, f));
    delete outputs[f];
  }
  for (const o of Object.values(outputs)) {
    const style = o.entryPoint?.replace(/\.tsx?$/, '.style.ts');
    if (!o.entryPoint || o.entryPoint.endsWith('index.tsx') || !existsSync(join(ROOT, style))) continue;
    const name = `chunks/${basename(o.entryPoint).replace(/\.tsx?$/, '')}.css`;
    if (lazyCss.includes(name)) throw new Error(`${surface}: two lazy modules would write ${name}`);
    const built = await esbuild.build({ absWorkingDir: ROOT, entryPoints: [style], bundle: true, write: false, minify, outfile: join(outDir, name), logLevel: 'warning', plugins: [styleModulePlugin] });
    writeFileSync(join(outDir, name), mergePalettes(built.outputFiles.find((x) => x.path.endsWith('.css')).text));
    lazyCss.push(name);
  }
  // What the page loads first: main.js and, transitively, the chunks it imports statically, and the bridge,
  // which is imported lazily (it throws without its host) but with the page's first call.
  const initial = new Set();
  const visit = (f) => {
    if (initial.has(f)) return;
    initial.add(f);
    for (const i of outputs[f].imports) {
      if (i.external) continue;
      if (i.kind === 'import-statement' || outputs[i.path]?.entryPoint === EAGER_CHUNK) visit(i.path);
    }
  };
  visit(Object.keys(outputs).find((f) => rel(f) === 'main.js'));
  const jsGzipOf = (files) => files.reduce((n, f) => n + gzipBytes(readFileSync(resolve(ROOT, f))), 0);
  const jsFiles = Object.keys(outputs).filter((f) => f.endsWith('.js'));

  const hasCss = existsSync(join(outDir, 'main.css'));
  if (hasCss) writeFileSync(join(outDir, 'main.css'), mergePalettes(readFileSync(join(outDir, 'main.css'), 'utf8')));
  writeFileSync(join(outDir, 'index.html'), html(surface, hasCss));

  const css = hasCss ? readFileSync(join(outDir, 'main.css')) : Buffer.alloc(0);
  return {
    surface,
    initialJs: [...initial].map(rel),
    lazyJs: jsFiles.filter((f) => !initial.has(f)).map(rel),
    jsGzip: jsGzipOf([...initial]),
    lazyGzip: jsGzipOf(jsFiles.filter((f) => !initial.has(f))) + lazyCss.reduce((n, f) => n + gzipBytes(readFileSync(join(outDir, f))), 0),
    cssGzip: hasCss ? gzipBytes(css) : 0,
    budget: budgetFor(surface),
    keys: keys.size,
    dictionaries,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const wanted = process.argv.slice(2);
  const surfaces = discoverSurfaces().filter((s) => wanted.length === 0 || wanted.includes(s));
  if (surfaces.length === 0) throw new Error('No surfaces found under static/*/src/index.tsx');

  const rows = [];
  for (const s of surfaces) rows.push(await buildSurface(s));

  const table = rows.map((r) => {
    const total = r.jsGzip + r.cssGzip;
    return {
      surface: r.surface,
      'main.js (+imports) gz': kb(r.jsGzip),
      'main.css gz': kb(r.cssGzip),
      'total gz': kb(total),
      'lazy gz': r.lazyGzip ? kb(r.lazyGzip) : '',
      budget: kb(r.budget),
      status: total <= r.budget ? 'ok' : 'OVER BUDGET',
      'text keys': r.keys,
      ...Object.fromEntries(Object.entries(r.dictionaries).map(([l, d]) => [`${l} gz`, `${kb(d.gzip)} (${d.keys})`])),
    };
  });
  console.log(`Built ${rows.length} surface(s) into static/<surface>/build/ (gzip of main.js with the chunks it imports + main.css vs static/budgets.json; lazy chunks apart):`);
  console.table(table);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err?.message ?? err);
    process.exit(1);
  });
}
