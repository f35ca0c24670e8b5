import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider } from './language';

/**
 * Mounts an extension page (popup, options) with the query client and the UI language;
 * `prefill` puts answers the page already has into the client first (the popup's first requests).
 */
export function mountPage(element: ReactNode, prefill?: (client: QueryClient) => void) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 5_000 } } });
  prefill?.(queryClient);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <LanguageProvider>{element}</LanguageProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
