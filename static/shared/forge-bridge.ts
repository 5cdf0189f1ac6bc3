/**
 * The parts of `@forge/bridge` this app calls: `invoke`, `view` and `router`. The package's index also
 * evaluates its i18n, object-store, feature-flag, realtime, permission (egress) and modal modules, about
 * 8 KB gzip the surfaces never use; the build resolves these `@forge/bridge/out/…` paths to the
 * package's own files (tools/build-static.mjs), which its `exports` map does not list. Load this module
 * with `import()` only (bridge.ts, macro-bridge.ts): the bridge throws when `window.__bridge` is missing.
 */
export { invoke } from '@forge/bridge/out/invoke';
export { view } from '@forge/bridge/out/view';
export { router } from '@forge/bridge/out/router';
