import { StrictMode } from 'react';
import { RouterProvider } from 'react-router';
import { AppProviders } from './providers';
import { router } from './router';

export function App() {
  return (
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>
  );
}
