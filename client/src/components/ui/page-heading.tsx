import type { ReactNode } from 'react';

/**
 * The page's single <h1>. It can take focus (tabIndex -1) so that the layout can move
 * focus to it after client-side navigation, which tells screen-reader users the page changed.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="page-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}
