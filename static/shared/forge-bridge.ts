/**
 * The parts of `@forge/bridge` this app calls: `invoke`, `view` and `router`. The package's index also
 * evaluates its object-store, feature-flag, realtime, permission (egress), modal and i18n modules with
 * tslib and lodash, about 11 KB gzip the surfaces never use; the build resolves these
 * `@forge/bridge/out/…` paths to the package's own files, which its `exports` map does not list (see
 * tools/build-static.mjs). Load this module with `import()` only (bridge.ts, macro-bridge.ts, …): the
 * bridge throws when `window.__bridge` is missing.
 */
export { invoke } from '@forge/bridge/out/invoke/invoke';
export { view } from '@forge/bridge/out/view/view';
export { router } from '@forge/bridge/out/router/router';
