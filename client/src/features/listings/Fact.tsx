import type { ReactNode } from 'react';

/** One term/description pair of a listing's facts; renders nothing when there is nothing to say. */
export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  if (children === undefined || children === null || children === '' || children === false) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}
