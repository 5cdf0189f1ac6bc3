/**
 * The host calls the Jira dashboard gadget needs besides `invoke` (see bridge.ts): which view Jira shows
 * (the gadget, or its edit view) and the saved configuration, and saving it (`view.submit`). Loaded
 * lazily, as in bridge.ts.
 */
import { loadBridge, siteUrlOf } from './bridge';

export interface GadgetHost {
  /** Jira shows the gadget's edit view (`context.extension.entryPoint === 'edit'`). */
  editing: boolean;
  /** The saved configuration, as Jira passes it (unchecked: the resolver checks it). */
  config: unknown;
  siteUrl: string;
}

export async function gadgetHost(): Promise<GadgetHost> {
  try {
    const { view } = await loadBridge();
    const ctx = await view.getContext();
    const ext = (ctx?.extension ?? {}) as { entryPoint?: unknown; gadgetConfiguration?: unknown };
    return { editing: ext.entryPoint === 'edit', config: ext.gadgetConfiguration, siteUrl: siteUrlOf(ctx) };
  } catch {
    return { editing: false, config: undefined, siteUrl: '' };
  }
}

/** Saves the gadget's configuration (Jira keeps it and shows the gadget again). */
export async function submitGadget(config: Record<string, string>): Promise<boolean> {
  try {
    const { view } = await loadBridge();
    await view.submit(config);
    return true;
  } catch {
    return false;
  }
}
