import React from 'react'; import { createRoot } from 'react-dom/client';
import Spinner from '@atlaskit/spinner';
createRoot(document.body).render(<div><Spinner/></div>);
