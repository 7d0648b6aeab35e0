import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { Outbox } from './features/outbox/outbox';
import { createI18n } from './i18n';
import { createQueryClient } from '@heima/web-common/queryClient';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <AppProviders
      i18n={createI18n()}
      queryClient={createQueryClient()}
      outbox={new Outbox(window.localStorage)}
    >
      <App />
    </AppProviders>
  </StrictMode>,
);
