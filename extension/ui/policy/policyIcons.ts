import { svg } from 'lit';

// Icons of the "Sites" and "Activity" pages, drawn like theme/icons.ts (24×24, currentColor,
// decorative: every button carries its own label).
const icon = (paths: ReturnType<typeof svg>) =>
  svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths}</svg>`;

export const sitesIcon = icon(
  svg`<circle cx="12" cy="12" r="10"/><path d="M2 12h20M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z"/>`,
);
export const activityIcon = icon(svg`<path d="M22 12h-4l-3 9L9 3l-3 9H2"/>`);
/** A circular arrow: something that comes back (subscriptions). */
export const subscriptionsIcon = icon(
  svg`<path d="M21 12a9 9 0 1 1-3-6.7"/><path d="M21 4v5h-5"/>`,
);
export const chevronIcon = icon(svg`<path d="M9 18l6-6-6-6"/>`);
export const externalLinkIcon = icon(
  svg`<path d="M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6M15 3h6v6M10 14L21 3"/>`,
);
export const freezeIcon = icon(
  svg`<path d="M12 2v20M4.9 4.9l14.2 14.2M2 12h20M4.9 19.1L19.1 4.9M9 4l3 2 3-2M9 20l3-2 3 2M4 9l2 3-2 3M20 9l-2 3 2 3"/>`,
);
