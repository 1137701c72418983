/**
 * @fileoverview Applies the inline styles of lesson HTML (KaTeX's math layout, carried as
 * `data-style`, see lessons/html.ts) through the CSSOM. The page's Content-Security-Policy has no
 * 'unsafe-inline' for styles, so a `style` attribute parsed from HTML is refused; setting
 * `element.style` from script is not governed by the policy.
 */
import type { Attachment } from 'svelte/attachments';

/** Applies every `data-style` under `root` (idempotent). Mutates the elements' inline style. */
export function applyDeferredStyles(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-style]')) {
    const css = el.dataset.style ?? '';
    if (el.style.cssText !== css) el.style.cssText = css;
  }
}

/**
 * For `{@attach deferredStyles}` on a container of lesson HTML: applies the styles now and after
 * every change of its content (a `{@html}` block re-rendered when a placeholder fills in). The
 * observer's callback runs as a microtask, before the browser paints the new content.
 */
export const deferredStyles: Attachment<HTMLElement> = (node) => {
  applyDeferredStyles(node);
  const observer = new MutationObserver(() => applyDeferredStyles(node));
  observer.observe(node, { childList: true, subtree: true });
  return () => observer.disconnect();
};
