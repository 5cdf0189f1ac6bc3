// Mutation testing of the domain rules (`npm run mutate`, not part of `npm test`): Stryker changes the
// five rule files one small edit at a time (a `<` for a `<=`, a removed condition...) and runs the
// tests that cover each change; a change no test notices ("survived") is a rule no test holds.
// The HTML report goes to reports/mutation/ (ignored by git).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutate.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/domain/post-launch/verdict.ts',
    'src/domain/goals/goal-book.ts',
    'src/domain/post-launch/launch-book.ts',
    'src/domain/alignment/alignment-tally.ts',
    'src/domain/vision/vision-review.ts',
  ],
  // The sandbox needs the sources and the tests, not the builds, docs or browser tooling.
  ignorePatterns: ['build', 'static', 'docs', 'bench', 'preview', 'reports', 'coverage', 'data', 'test-results'],
  // At most 2 test processes (the machine's cores); a generous time limit so that a mutant is not
  // called "timed out" (which counts as detected) merely because the machine was busy.
  concurrency: 2,
  timeoutMS: 15000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  // Re-runs test only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
