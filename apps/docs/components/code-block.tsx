/** A code block; focusable so keyboard users can scroll long lines (WCAG 2.1.1). */
export function CodeBlock({ code }: { code: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable.
    <pre tabIndex={0}>
      <code>{code}</code>
    </pre>
  );
}
