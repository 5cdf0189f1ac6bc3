/**
 * The host calls the Confluence surfaces need besides `invoke` (see bridge.ts): the macro's context,
 * opening a Jira page from the sandboxed frame, and submitting or closing the config screen.
 * `@forge/bridge` is loaded lazily, as in bridge.ts, so a page opened outside Confluence shows an
 * error state instead of nothing.
 */
import { loadBridge, openPath, siteUrlOf } from './bridge';

export interface MacroHost {
  /** `https://x.atlassian.net`, '' when the host does not say. */
  siteUrl: string;
  /** Shown in the page editor (same content, plus hints for the page's editors). */
  isEditing: boolean;
  /** The saved macro config, as Confluence passes it (unchecked: the resolver checks it). */
  config: unknown;
}

export async function macroHost(): Promise<MacroHost> {
  try {
    const { view } = await loadBridge();
    const ctx = await view.getContext();
    const ext = (ctx?.extension ?? {}) as { isEditing?: unknown; config?: unknown };
    return {
      siteUrl: siteUrlOf(ctx),
      isEditing: ext.isEditing === true,
      config: ext.config,
    };
  } catch {
    return { siteUrl: '', isEditing: false, config: undefined };
  }
}

/**
 * Opens a URL through the host (links inside a Forge frame cannot navigate by themselves).
 * Resolves false when the host could not.
 */
export const openUrl = (url: string, newTab = true): Promise<boolean> => openPath(url, newTab);

/** Saves the macro's config (`view.submit({ config })`): JSON values only, no null. */
export async function submitConfig(config: Record<string, unknown>): Promise<boolean> {
  try {
    const { view } = await loadBridge();
    await view.submit({ config });
    return true;
  } catch {
    return false;
  }
}

export async function closeConfig(): Promise<void> {
  try {
    const { view } = await loadBridge();
    await view.close();
  } catch {
    // Nothing to close outside the editor.
  }
}
