import { describe, expect, it } from 'vitest';
import { headersToRecord } from '../src/headers';

describe('headersToRecord', () => {
  it('lower-cases the names of fetch Headers', () => {
    const headers = new Headers({ 'Content-Length': '5', 'X-Dl-Custom': 'Hello' });
    expect(headersToRecord(headers)).toEqual({ 'content-length': '5', 'x-dl-custom': 'Hello' });
  });

  it('lower-cases a plain object, joining the same name in two casings and array values', () => {
    expect(
      headersToRecord({ 'Set-Cookie': 'a=1', 'set-cookie': 'b=2', Vary: ['Origin', 'Accept'], ETag: '"x"' }),
    ).toEqual({ 'set-cookie': 'a=1, b=2', vary: 'Origin, Accept', etag: '"x"' });
  });

  it('turns values into strings and drops missing ones', () => {
    expect(headersToRecord({ 'Content-Length': 5, 'X-None': null, 'X-Undef': undefined })).toEqual({
      'content-length': '5',
    });
    expect(headersToRecord(undefined)).toEqual({});
    expect(headersToRecord(null)).toEqual({});
  });
});
