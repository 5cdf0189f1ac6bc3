// For mutation runs only (jest.mutate.config.js): a property that fails stops at its first
// counterexample instead of shrinking it. A mutant only needs a failing test; shrinking one can take
// longer than the mutant's time limit on a busy machine, which would count it "timed out", not killed.
require('fast-check').configureGlobal({ endOnFailure: true });
