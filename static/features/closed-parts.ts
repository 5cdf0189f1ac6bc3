/**
 * The code of the settings page's parts that are closed when it loads, as ONE lazy chunk (see
 * static/shared/lazy.tsx): the feedback sources and their triage, the macro's rendering and the readers
 * opt-in for "What Confluence readers see", the diff of two published versions, the export's assembly, the
 * import's upload split and its preview. One module, not one chunk each: every
 * further lazy module splits the code the page shares with it into more files, which costs more gzip
 * than that module saves. Each part's shell (always loaded) loads it through closed-parts-load.ts only;
 * its CSS (closed-parts.style.ts: the macro's rules for the reader view) is the chunk's own file, which
 * that loader links. Nothing here imports a `*.style.ts`: esbuild would put it into the page's main.css.
 */
export { IntakeBody } from './post-launch/feedback-intake';
export { renderError, renderView } from './macro/macro-view';
export { OpenReadersSetting } from './vision/open-readers';
export { VisionDiffPanel } from './vision/vision-diff-view';
export { ImportPreviewMessage } from './transfer/import-preview';
export { assembleExport, exportFileName, MAX_IMPORT_BYTES, splitForUpload } from '../../src/contract/transfer/transfer-file';
