import type { ReactNode } from 'react';

interface AlertProps {
  tone?: 'danger' | 'warning' | 'info';
  title?: string;
  children?: ReactNode;
  /** Announce at once (role=alert) rather than politely. */
  assertive?: boolean;
}

export function Alert({ tone = 'danger', title, children, assertive = false }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={assertive ? 'alert' : 'status'}>
      {title && <p className="alert__title">{title}</p>}
      {children}
    </div>
  );
}
