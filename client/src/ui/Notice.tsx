import type { ReactNode } from 'react';

interface NoticeProps {
  tone?: 'success' | 'info' | 'warning';
  children: ReactNode;
  testId?: string;
}

export function Notice({ tone = 'info', children, testId }: NoticeProps) {
  return (
    <div className={`alert alert-${tone}`} role="status" data-testid={testId}>
      {children}
    </div>
  );
}
