import React from 'react'; import { createRoot } from 'react-dom/client';
import { invoke, view } from '@forge/bridge';
createRoot(document.body).render(<div><b onClick={()=>{invoke('x');view.theme.enable()}}/></div>);
