import type { ReactNode, Ref } from 'react';

/**
 * The page's single <h1>. It can take focus (tabIndex -1) so that the layout can move
 * focus to it after client-side navigation, which tells screen-reader users the page changed.
 * Pages with steps (e.g. sign-in, then two-step verification) pass a ref to move focus there themselves.
 */
export function PageHeading({ children, ref }: { children: ReactNode; ref?: Ref<HTMLHeadingElement> }) {
  return (
    <h1 className="page-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
