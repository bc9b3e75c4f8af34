import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client.js';
import { ApiProvider } from './app/api-context.js';
import { App } from './app/App.js';
import { I18nProvider } from './i18n/i18n-context.js';
import './app/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ApiProvider client={createApiClient()}>
        <App />
      </ApiProvider>
    </I18nProvider>
  </StrictMode>,
);
