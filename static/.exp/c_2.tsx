import React from 'react'; import { createRoot } from 'react-dom/client';
import Textfield from '@atlaskit/textfield';
createRoot(document.body).render(<div><Textfield aria-label='x'/></div>);
