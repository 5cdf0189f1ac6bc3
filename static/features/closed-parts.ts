/**
 * The code of the settings page's parts that are closed when it loads, as ONE lazy chunk (see
 * static/shared/lazy.tsx): the feedback sources and their triage, the macro's rendering for "What
 * Confluence readers see", the diff of two published versions, and the export's assembly and the
 * import's upload split. One module, not one chunk each: every
 * further lazy module splits the code the page shares with it into more files, which costs more gzip
 * than that module saves. Each part's shell (always loaded) imports this with `import()` only.
 */
export { IntakeBody } from './post-launch/feedback-intake';
export { renderError, renderView } from './macro/macro-view';
export { VisionDiffView } from './vision/vision-diff-view';
export { assembleExport, exportFileName, MAX_IMPORT_BYTES, splitForUpload } from '../../src/contract/transfer/transfer-file';
