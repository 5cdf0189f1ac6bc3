/** Unit, contract, resolver, manifest and browser tests: all run by `npm test`. */
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/static', '<rootDir>/preview', '<rootDir>/test', '<rootDir>/devtools'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // tsconfig.json emits ES modules for the Forge bundler (so webpack can tree-shake and split); jest runs CommonJS.
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { ...compilerOptions, module: 'commonjs' } }] },
  testPathIgnorePatterns: ['/node_modules/', '/build/'],
  testTimeout: 30000,
};
