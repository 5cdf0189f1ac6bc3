/** Guided start's one write, and the dashboard gadget's keys (its project comes from its configuration). */
import { GADGET_KEYS, gadgetLoadSchema, gadgetProjectsSchema } from '../contract/gadget/gadget';
import { adoptExampleSchema, GUIDED_START_KEYS } from '../contract/guided-start/guided-start';
import { listGadgetProjects } from '../use-cases/gadget/list-gadget-projects';
import { loadGadget } from '../use-cases/gadget/load-gadget';
import { adoptKpiExample } from '../use-cases/guided-start/adopt-example';
import { endpoint, type DepsFactory, type Handler } from './endpoint';
import { gadgetCallerFrom } from './gadget-context';

type Key = (typeof GUIDED_START_KEYS)[number] | (typeof GADGET_KEYS)[number];

export function guidedGadgetHandlers(makeDeps: DepsFactory): Record<Key, Handler> {
  return {
    'guided/adopt-example': endpoint(adoptExampleSchema, adoptKpiExample, makeDeps),
    'gadget/load': endpoint(gadgetLoadSchema, loadGadget, makeDeps, gadgetCallerFrom),
    'gadget/projects': endpoint(gadgetProjectsSchema, listGadgetProjects, makeDeps, gadgetCallerFrom),
  };
}
