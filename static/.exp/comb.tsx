import React from 'react'; import { createRoot } from 'react-dom/client';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
createRoot(document.body).render(<div style={{color: token('color.text', '#000')}}><Button>x</Button><Textfield/><TextArea/><Spinner/></div>);
