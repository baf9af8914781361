import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { QueryProvider } from './api/QueryProvider';
import { AuthProvider } from './features/auth/AuthProvider';
import './i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Navigation updates synchronously, so inputs whose value lives in the URL (search filters) never
// flicker back to their old value while a transition is pending.
createRoot(root).render(
  <StrictMode>
    <QueryProvider>
      <BrowserRouter useTransitions={false}>
        <AuthProvider>
          <App />
        </AuthProvider>
      </BrowserRouter>
    </QueryProvider>
  </StrictMode>,
);
