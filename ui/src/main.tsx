import React from 'react';
import ReactDOM from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { loadLanguage } from './i18n';
import { App } from './App';
import { onDataChanged } from './ipc';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
// A write changes the records, not which database is open: the status (and so the whole window)
// is asked again only by the commands that change the database (see features/recovery/useDatabase).
void onDataChanged(() => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'database_status' }));

void loadLanguage().finally(() =>
  ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </React.StrictMode>,
  ),
);
