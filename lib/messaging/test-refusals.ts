/** Test helper: what an operation was refused with, as the options page reads it back. */
import { refusalOf, type RefusalCode, type RefusalParams } from './refusals';

/**
 * The refusal (code and params) `operation` rejects with; undefined when it succeeds or fails
 * some other way, so a test sees that too.
 * @example expect(await refusedWith(createWarehouse(db, ''))).toEqual({ code: 'warehouse-name-required', params: {} })
 */
export async function refusedWith(operation: Promise<unknown>): Promise<{ code: RefusalCode; params: RefusalParams } | undefined> {
  return operation.then(
    () => undefined,
    (error: unknown) => {
      const refusal = refusalOf(error);
      return refusal && { code: refusal.code, params: refusal.params };
    },
  );
}
