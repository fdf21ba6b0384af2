import type { ReactNode } from 'react';

type NoticeProps = {
  kind: 'success' | 'error' | 'info';
  children: ReactNode;
};

/** A short message in the page. Errors are alerts; other kinds are polite status messages. */
export function Notice({ kind, children }: NoticeProps) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
