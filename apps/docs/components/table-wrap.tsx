import type { ReactNode } from 'react';

/** A horizontally scrollable table container that keyboard users can focus and scroll. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1).
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
