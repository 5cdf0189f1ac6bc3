import React from 'react'; import { createRoot } from 'react-dom/client';
import Button from '@atlaskit/button/new';
createRoot(document.body).render(<div><Button>x</Button></div>);
