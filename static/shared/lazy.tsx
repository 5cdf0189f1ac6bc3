/**
 * A part of a page that is closed when the page loads gets its code only when it is opened: `import()` of
 * its module becomes a chunk of the app's own resource (build/chunks/, fetched by relative path: nothing
 * from outside the app). Until it arrives the part shows a spinner; if it cannot be fetched, a retry.
 * A lazy module's own CSS is a file of its chunk (see chunkStyles); what it shares with the page is in main.css.
 */
import { useEffect, useState, type ComponentType } from 'react';
import type { AppError } from '../../src/contract/shared/result';
import { ErrorBanner, Loading } from './states';
import { t } from './i18n';

/** A fetch of the module once; a failed one is tried again on the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = null;
      throw e;
    }));
}

/**
 * Links a lazy chunk's own CSS (the build writes it as build/chunks/<name>.css, beside index.html's folder)
 * and resolves when it applies, so the part never shows unstyled.
 */
export function chunkStyles(name: string): Promise<void> {
  const href = new URL(`chunks/${name}.css`, document.baseURI).href;
  if ([...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].some((l) => l.href === href)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => {
      link.remove();
      reject(new Error(`${href} did not load`));
    };
    document.head.append(link);
  });
}

export const chunkError = (): AppError => ({ code: 'INTERNAL', message: t('This part of the page could not be loaded. Check the connection and try again.') });

/** @param load e.g. `() => import('./intake-body').then((m) => m.IntakeBody)` */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const get = once(load);
  let loaded: ComponentType<P> | null = null;
  return function LazyPart(props: P) {
    const [, setReady] = useState(false);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded || failed) return;
      let live = true;
      get().then(
        (c) => {
          loaded = c;
          if (live) setReady(true);
        },
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [failed]);
    if (loaded) {
      const Part = loaded;
      return <Part {...props} />;
    }
    if (failed) return <ErrorBanner error={chunkError()} onRetry={() => setFailed(false)} />;
    return <Loading />;
  };
}
