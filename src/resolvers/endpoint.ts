/**
 * Turns a use case into a resolver handler: parse the payload with the contract's schema, read the
 * caller from the context, run, and map anything unexpected to a typed error. This is the one place
 * where thrown errors become answers.
 */
import { fail, type Result } from '../contract/shared/result';
import { toFieldIssues } from '../contract/shared/schemas';
import { JiraError, StoreError, passConsentThrough, type Caller, type Deps } from '../ports';
import { trackWrites } from '../storage/track-writes';
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
  /** Who is asking and where; a dashboard gadget names its project in its configuration (gadget-context.ts). */
  readCaller: (context: unknown) => Caller = callerFrom,
): Handler {
  return async ({ payload, context }) => {
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success)
      return fail('VALIDATION_FAILED', 'Some fields need attention.', { fields: toFieldIssues(parsed.error.issues) });
    const caller = readCaller(context);
    const tracked = trackWrites(makeDeps(caller));
    try {
      return await run(tracked.deps, caller, parsed.data);
    } catch (error) {
      passConsentThrough(error);
      return unexpected(error, tracked.wrote());
    }
  };
}

/** Maps a thrown error to its answer. `partial`: some data was written before it (a write that stopped half-way). */
export function unexpected(error: unknown, partial = false): Result<never> {
  const outcome = partial
    ? 'It stopped part-way: reload to see what was saved, then try again.'
    : 'Nothing was changed; try again.';
  if (error instanceof JiraError) {
    if (error.code === 'UNAUTHENTICATED') return fail('UNAUTHENTICATED', 'Sign in to Jira to continue.');
    if (error.code === 'PROXY_ERROR')
      return fail('JIRA_UNAVAILABLE', `Atlassian's platform could not pass the request on to Jira: ${error.message} ${partial ? outcome : 'Nothing was changed; try again in a minute.'}`);
    const why = error.code === 'RATE_LIMITED' ? 'Jira is busy right now' : 'Jira did not answer as expected';
    return fail('JIRA_UNAVAILABLE', `${why}. ${partial ? outcome : 'Nothing was changed; try again in a minute.'}`);
  }
  console.error('Unexpected failure', error instanceof StoreError ? `${error.code}: ${error.message}` : error);
  return fail('INTERNAL', `Something went wrong on our side. ${outcome}`);
}
