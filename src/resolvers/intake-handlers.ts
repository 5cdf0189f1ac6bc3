/** Feedback intake from Jira: the Jira resolver's `intake/*` keys, thin, each a schema and a use case. */
import * as I from '../contract/post-launch/intake-schemas';
import { loadIntake } from '../use-cases/post-launch/intake-queries';
import { addSource, fetchNow, removeSource } from '../use-cases/post-launch/intake-sources';
import { triageFeedback } from '../use-cases/post-launch/intake-triage';
import { endpoint, type DepsFactory, type Handler } from './endpoint';

export function intakeHandlers(makeDeps: DepsFactory): Record<(typeof I.INTAKE_KEYS)[number], Handler> {
  return {
    'intake/view': endpoint(I.intakeViewSchema, loadIntake, makeDeps),
    'intake/add-source': endpoint(I.addSourceSchema, addSource, makeDeps),
    'intake/remove-source': endpoint(I.removeSourceSchema, removeSource, makeDeps),
    'intake/fetch': endpoint(I.fetchSourceSchema, fetchNow, makeDeps),
    'intake/triage': endpoint(I.triageSchema, triageFeedback, makeDeps),
  };
}
