/**
 * Turns a use case into a resolver handler: parse the payload with the contract's schema, read the
 * caller from the context, run, and map anything unexpected to a typed error. This is the one place
 * where thrown errors become answers.
 */
import { fail, toFieldIssues, type Result } from '../contract';
import { JiraError, StoreError, type Caller, type Deps } from '../ports';
import { callerFrom } from './caller';

export interface InvocationRequest {
  payload?: unknown;
  context?: unknown;
}

export type Handler = (request: InvocationRequest) => Promise<Result<unknown>>;

/** Builds the ports for one invocation (Forge or local), given who is calling. */
export type DepsFactory = (caller: Caller) => Deps;

interface PayloadSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string }> } };
}

export function endpoint<T>(
  schema: PayloadSchema<T>,
  run: (deps: Deps, caller: Caller, input: T) => Promise<Result<unknown>>,
  makeDeps: DepsFactory,
): Handler {
  return async ({ payload, context }) => {
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success)
      return fail('VALIDATION_FAILED', 'Some fields need attention.', { fields: toFieldIssues(parsed.error.issues) });
    const caller = callerFrom(context);
    try {
      return await run(makeDeps(caller), caller, parsed.data);
    } catch (error) {
      return unexpected(error);
    }
  };
}

export function unexpected(error: unknown): Result<never> {
  if (error instanceof JiraError) {
    if (error.code === 'UNAUTHENTICATED') return fail('UNAUTHENTICATED', 'Sign in to Jira to continue.');
    const why = error.code === 'RATE_LIMITED' ? 'Jira is busy right now' : 'Jira did not answer as expected';
    return fail('JIRA_UNAVAILABLE', `${why}. Nothing was changed; try again in a minute.`);
  }
  console.error('Unexpected failure', error instanceof StoreError ? `${error.code}: ${error.message}` : error);
  return fail('INTERNAL', 'Something went wrong on our side. Nothing was changed; try again.');
}
