/** Fires a public `tp-*` event: bubbles and composed, so it crosses shadow roots to the page. */
export function emit(target: EventTarget, name: `tp-${string}`, detail: unknown): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
