import React from 'react'; import { createRoot } from 'react-dom/client';
import Lozenge from '@atlaskit/lozenge';
createRoot(document.body).render(<div><Lozenge>x</Lozenge></div>);
