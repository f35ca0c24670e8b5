import { describe, expect, it } from 'vitest';
import { backupProblemMessage, backupProblemOf } from './protocol-backup';
import { refusalMessage, refusalOf } from './refusals';
import { RpcError } from './rpc';

describe('refusals', () => {
  it('carry a code and its params through an error message, as a failed reply does', () => {
    const text = refusalMessage('warehouse-in-use', { name: 'East coast', listings: 2 });
    expect(text).toBe('refused:warehouse-in-use {"name":"East coast","listings":2}');
    const expected = { code: 'warehouse-in-use', key: 'options.warehouses.inUse', params: { name: 'East coast', listings: 2 } };
    expect(refusalOf(new Error(text))).toEqual(expected);
    expect(refusalOf(new RpcError(text))).toEqual(expected);
    expect(refusalOf(new Error(refusalMessage('warehouse-default-kept')))).toEqual({
      code: 'warehouse-default-kept',
      key: 'options.warehouses.defaultKept',
      params: {},
    });
  });

  it('are not read into other errors', () => {
    expect(refusalOf(new Error('refused:nonsense {}'))).toBeUndefined();
    expect(refusalOf(new Error('refused:order-missing po-1'))).toBeUndefined();
    expect(refusalOf(new Error('refused:order-missing ["po-1"]'))).toBeUndefined();
    expect(refusalOf(new Error(backupProblemMessage('session-lost')))).toBeUndefined();
    expect(refusalOf(new Error('No reply to inbound/list'))).toBeUndefined();
    expect(refusalOf(undefined)).toBeUndefined();
  });

  it('share their encoding with backup problems, whose text is unchanged', () => {
    expect(backupProblemMessage('truncated', 'plans: 3 of 5 rows')).toBe('backup:truncated plans: 3 of 5 rows');
    expect(backupProblemOf(new Error(refusalMessage('order-missing', { id: 'po-1' })))).toBeUndefined();
  });
});
