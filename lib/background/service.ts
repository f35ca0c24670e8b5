/**
 * @deprecated Kept for callers outside lib/background (lib/import/pipeline.test.ts): import
 * the registry from './handlers' and BackgroundDeps from './deps' instead.
 */
export { createHandlers } from './handlers';
export type { BackgroundDeps } from './deps';
