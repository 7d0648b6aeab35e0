import { mount } from '@heima/web-common/mount';
import { createQueryClient } from '@heima/web-common/queryClient';
import { App } from './app/App';
import { AppProviders } from './app/AppProviders';
import { Outbox } from './features/outbox/outbox';
import { createI18n } from './i18n';
import './styles.css';

mount(
  <AppProviders
    i18n={createI18n()}
    queryClient={createQueryClient()}
    outbox={new Outbox(window.localStorage)}
  >
    <App />
  </AppProviders>,
);
