const load = () => import('@forge/bridge');
load().then(b => { b.view.theme.enable(); b.invoke('x', {}); });
