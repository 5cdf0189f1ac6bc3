import React from 'react'; import { createRoot } from 'react-dom/client';
import TextArea from '@atlaskit/textarea';
createRoot(document.body).render(<div><TextArea/></div>);
