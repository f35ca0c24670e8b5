/**
 * The popup's opening request: the list it opens on and how many rows it asks for first. Here
 * (constants only, no schemas) so the popup's entry chunk stays a few KB, and the background's
 * first screen (lib/background/first-screen.ts) holds exactly the reply to this request.
 */

/** The list the popup opens on: what needs attention. */
export const OPENING_RISK = 'attention';

/** Rows asked for first (fast first paint), then the whole list for scrolling. */
export const HEAD_LIMIT = 60;
