import React from 'react'; import { createRoot } from 'react-dom/client';
import { token } from '@atlaskit/tokens';
createRoot(document.body).render(<div><b style={{color:token('color.text','#000')}}/></div>);
