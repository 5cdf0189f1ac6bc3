// Stand-in for the host's Custom UI bridge, injected before the app's own script.
// @forge/bridge looks for window.__bridge.callBridge(command, data); the preview answers the
// commands as Jira or Confluence would, sending invoke() to the preview server.
(function () {
  var preview = window.__preview; // { context, principal, tokensHref, jira }
  function post(message) {
    try { window.parent.postMessage(Object.assign({ source: 'forge-preview' }, message), '*'); } catch { /* not framed */ }
  }
  function applyTheme() {
    var html = document.documentElement;
    var mode = preview.context.theme.colorMode;
    html.setAttribute('data-color-mode', mode);
    html.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
    if (!document.getElementById('preview-tokens')) {
      var link = document.createElement('link');
      link.id = 'preview-tokens';
      link.rel = 'stylesheet';
      link.href = preview.tokensHref;
      document.head.appendChild(link);
    }
  }
  var invocations = 0;
  window.__bridge = {
    callBridge: async function (command, data) {
      switch (command) {
        case 'getContext':
          return JSON.parse(JSON.stringify(preview.context));
        case 'invoke': {
          invocations += 1;
          post({ type: 'invoke', functionKey: data.functionKey, count: invocations });
          var response = await fetch('/api/invoke', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ functionKey: data.functionKey, payload: data.payload, context: preview.context, accountId: preview.principal, jiraConnected: preview.jira !== 'off' }),
          });
          var body = await response.json();
          // The function let Forge's consent request out: the host asks the user to allow access.
          if (response.status === 401 && body && body.consentRequired) post({ type: 'consent-required', message: body.message });
          if (!response.ok) throw new Error(body && body.message ? body.message : 'Invocation failed');
          return body;
        }
        case 'enableTheming':
          applyTheme();
          return undefined;
        case 'resize':
          post({ type: 'resize', height: data && data.height });
          return undefined;
        case 'submit': {
          // A macro config screen's view.submit({ config }): Confluence keeps the config with the page.
          // (A dashboard gadget's edit view submits its configuration itself: the host page keeps it.)
          if (data && typeof data === 'object' && 'config' in data && preview.context.extension.type === 'macro') {
            var saved = await fetch('/preview/macro-config', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ localId: preview.context.localId, config: data.config }),
            });
            if (!saved.ok) return false;
          }
          post({ type: 'submit', payload: data });
          return true;
        }
        case 'navigate':
          post({ type: 'navigate', url: data && data.url, openIn: data && data.type });
          return undefined;
        case 'close':
          post({ type: 'close' });
          return true;
        case 'refresh':
          window.location.reload();
          return undefined;
        default:
          return undefined;
      }
    },
  };
  window.__previewInvocations = function () { return invocations; };
  // Forge sizes a macro's frame to its content; the host page does it from these messages.
  var sized = preview.context.extension && (preview.context.extension.type === 'macro' || preview.context.extension.type === 'jira:dashboardGadget');
  if (sized && typeof ResizeObserver === 'function') {
    var last = 0;
    var report = function () {
      // The content's height, not the frame's: where the app's root ends.
      var root = document.getElementById('root') || document.body;
      var height = Math.ceil(root.getBoundingClientRect().bottom + window.scrollY);
      if (height !== last) {
        last = height;
        post({ type: 'resize', height: height });
      }
    };
    window.addEventListener('DOMContentLoaded', function () {
      var observer = new ResizeObserver(report);
      observer.observe(document.documentElement);
      observer.observe(document.getElementById('root') || document.body);
      report();
    });
  }
})();
