import { patched, settled } from './use-resource';

describe('settled', () => {
  it('turns an answer into the data to show or the error to retry', () => {
    expect(settled({ ok: true, data: 1 })).toEqual({ status: 'ready', data: 1 });
    const error = { code: 'INTERNAL' as const, message: 'boom' };
    expect(settled({ ok: false, error })).toEqual({ status: 'error', error });
  });
});

describe('patched', () => {
  it('changes loaded data and leaves other states alone', () => {
    expect(patched({ status: 'ready', data: 1 }, (n) => n + 1)).toEqual({ status: 'ready', data: 2 });
    expect(patched<number>({ status: 'loading' }, (n) => n + 1)).toEqual({ status: 'loading' });
  });
});
