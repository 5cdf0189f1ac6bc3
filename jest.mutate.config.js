/**
 * The tests that judge the mutated domain rules (`npm run mutate`, stryker.config.mjs): only these run
 * against each mutant, so a run stays short. Same transform as jest.config.js.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/src'],
  setupFiles: ['<rootDir>/tools/mutation-jest-setup.cjs'],
  testMatch: [
    '<rootDir>/src/domain/post-launch/verdict.test.ts',
    '<rootDir>/src/domain/goals/goal-book.test.ts',
    '<rootDir>/src/domain/post-launch/launch-book.test.ts',
    '<rootDir>/src/domain/alignment/alignment-tally.test.ts',
    '<rootDir>/src/domain/vision/vision-review.test.ts',
  ],
};
