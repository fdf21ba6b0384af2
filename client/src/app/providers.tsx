import type { ReactNode } from 'react';
import { I18nProvider } from '../lib/i18n';
import { SessionProvider } from '../lib/session';

/** Language first: the session's requests already carry Accept-Language. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <SessionProvider>{children}</SessionProvider>
    </I18nProvider>
  );
}
