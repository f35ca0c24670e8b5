/**
 * Messages of the popup and the in-page panels (details and charts on expand, page settings).
 * Merged into the one protocol map in protocol.ts.
 */
import { z } from 'zod';
import { platformSchema } from '../records';
import { isPageTypeId } from '../platforms/page-types';

/**
 * A page type this build reads (PAGE_TYPE_IDS): any other id (a typo, a renamed page type, another
 * sender's string) is refused with the dispatcher's "Invalid … request" error naming it, rather
 * than stored in settings where it could hide nothing.
 */
const pageTypeIdSchema = z
  .string()
  .max(80)
  .refine(isPageTypeId, { error: (issue) => `"${String(issue.input).slice(0, 80)}" is not a page type this extension reads` });

export const popupProtocol = {
  /**
   * Summary bar: hide (or show again) the row panels on one page type, without re-planning
   * (settings/save re-plans everything; this only touches settings.hiddenPanels).
   */
  'panels/set-hidden': {
    senders: ['content'],
    request: z.object({ pageType: pageTypeIdSchema, hidden: z.boolean() }),
    response: z.object({ hiddenPanels: z.array(z.string()) }),
  },
  /** Popup: the platforms and marketplaces that have listings, with counts (filter choices). */
  'popup/facets': {
    senders: ['extension'],
    request: z.object({}),
    response: z.object({
      total: z.number().int(),
      marketplaces: z.array(z.object({ platform: platformSchema, marketplace: z.string(), count: z.number().int() })),
    }),
  },
} as const;
