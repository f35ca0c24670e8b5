import { describe, expect, it } from 'vitest';
import { messageSplitter } from '../../scripts/bench/shared/cdp-pipe';

describe('messageSplitter (the DevTools pipe: JSON messages ended by NUL)', () => {
  it('gives whole messages only, keeping a message split across chunks until its end arrives', () => {
    const split = messageSplitter();
    expect(split('{"id":1}\0{"id"')).toEqual(['{"id":1}']);
    expect(split(':2,"result":{}}')).toEqual([]);
    expect(split('\0{"id":3}\0')).toEqual(['{"id":2,"result":{}}', '{"id":3}']);
    expect(split('')).toEqual([]);
  });

  it('keeps text with multi-byte characters intact across chunks (the stream is decoded as UTF-8 before splitting)', () => {
    const split = messageSplitter();
    expect([...split('{"t":"库'), ...split('存"}\0')]).toEqual(['{"t":"库存"}']);
  });
});
