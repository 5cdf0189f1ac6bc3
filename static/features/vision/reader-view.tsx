/**
 * "What Confluence readers see", under the publish panel: closed when the page loads (no invoke); opening it
 * asks `vision/reader-view` once and shows the answer with the Confluence macro's own rendering
 * (features/macro/macro-view.ts, plain DOM, mounted into a container), every section, latest version: exactly
 * what stakeholders see in the macro, or the macro's message in its place ("not published yet"…).
 * Each opening, and a publish while it is open, loads it again. The macro's rendering and the readers opt-in
 * are a lazy chunk, fetched with the first opening together with their CSS (static/features/closed-parts.ts).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { MacroView } from '../../../src/contract/macro/macro';
import type { Result } from '../../../src/contract/shared/result';
import { call, siteUrl } from '../../shared/bridge';
import { openUrl } from '../../shared/macro-bridge';
import { chunkError, lazyPart } from '../../shared/lazy';
import { closedParts } from '../closed-parts-load';
import { ErrorBanner, Loading } from '../../shared/states';
import { Button } from '../../shared/ui';
import { t } from '../../shared/i18n';
import './reader-view.style';

type MacroRendering = Pick<typeof import('../closed-parts'), 'renderView' | 'renderError'>;
type Loaded = { result: Result<MacroView>; site: string; render: MacroRendering } | null;

const macroRendering = closedParts;
const OpenReadersSetting = lazyPart(() => closedParts().then((m) => m.OpenReadersSetting));

/** As the macro opens its "Open in Jira" link: through the host, else a new tab. */
const openLink = (url: string) => {
  void openUrl(url).then((opened) => {
    if (!opened) window.open(url, '_blank', 'noopener');
  });
};

/** @param version the latest published version the page knows (0: none): a newer one reloads an open view. */
export function ReaderView({ version }: { version: number }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [tries, setTries] = useState(0);
  const [chunkFailed, setChunkFailed] = useState(false);
  const bodyId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setLoaded(null);
    setChunkFailed(false);
    void Promise.all([call('vision/reader-view', {}), siteUrl(), macroRendering()]).then(
      ([result, site, render]) => {
        if (live) setLoaded({ result, site, render });
      },
      () => live && setChunkFailed(true),
    );
    return () => {
      live = false;
    };
  }, [open, version, tries]);

  // The macro's DOM, replaced as a whole whenever the answer changes (React owns only the empty container).
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    if (!open) {
      el.replaceChildren();
      return;
    }
    if (!loaded) {
      el.replaceChildren();
      return;
    }
    const { result, site, render } = loaded;
    const o = { isEditing: false, open: openLink };
    el.replaceChildren(
      result.ok
        ? render.renderView(result.data, { ...o, pageUrl: result.data.projectPagePath ? `${site}${result.data.projectPagePath}` : '' })
        : render.renderError(result.error, { ...o, pageUrl: '', onRetry: () => setTries((n) => n + 1) }),
    );
  }, [open, loaded]);

  return (
    <section className="pv-reader-view" aria-labelledby={`${bodyId}-title`}>
      <div className="pv-section-head">
        <h3 id={`${bodyId}-title`}>{t('What Confluence readers see')}</h3>
        <Button small className="pv-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
          <svg className="pv-chevron" width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M8.6 4.6 7.2 6l6 6-6 6 1.4 1.4 7.4-7.4z" />
          </svg>
          {open ? t('Hide') : t('Show')}
        </Button>
      </div>
      {open ? null : (
        <p className="pv-muted pv-small">
          {t('The Product vision macro on a Confluence page, as it shows this project now: the latest published version with today’s figures.')}{' '}
          {t('Here you also choose whether readers without access to this Jira project see it.')}
        </p>
      )}
      <div id={bodyId} className="pv-reader-body" hidden={!open} aria-busy={open && !loaded}>
        {open ? <OpenReadersSetting /> : null}
        {open && !loaded && !chunkFailed ? <Loading label={t('Loading the product vision…')} /> : null}
        {open && chunkFailed ? <ErrorBanner error={chunkError()} onRetry={() => setTries((n) => n + 1)} /> : null}
        <div ref={box} className="pv-reader" />
      </div>
    </section>
  );
}
