import React from 'react'; import { createRoot } from 'react-dom/client';
import SectionMessage from '@atlaskit/section-message';
createRoot(document.body).render(<div><SectionMessage appearance='error'>x</SectionMessage></div>);
