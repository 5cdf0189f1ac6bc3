import { fail, ok } from '../../contract/shared/result';
import { localized, takeLocale, translateAnswer, translationLocale } from './localize';

const upper = (s: string) => s.toUpperCase();

describe('localize', () => {
  it('takes the locale out of the payload, and leaves other payloads as they are', () => {
    expect(takeLocale({ a: 1, uiLocale: 'de-DE' })).toEqual({ payload: { a: 1 }, locale: 'de-DE' });
    expect(takeLocale({ a: 1 })).toEqual({ payload: { a: 1 }, locale: undefined });
    expect(takeLocale(null)).toEqual({ payload: null, locale: undefined });
    expect(takeLocale([1])).toEqual({ payload: [1], locale: undefined });
  });

  it('translates into a supported language other than English only', () => {
    expect(translationLocale('de-DE')).toBe('de-DE');
    expect(translationLocale('de_AT')).toBe('de-DE');
    expect(translationLocale('en-US')).toBeNull();
    expect(translationLocale('en_GB')).toBeNull();
    expect(translationLocale('xx-YY')).toBeNull();
    expect(translationLocale(7)).toBeNull();
    expect(translationLocale('de-DE'.repeat(10))).toBeNull();
  });

  it('translates the error and every field of a refusal, and nothing of a success', () => {
    const refusal = fail('VALIDATION_FAILED', 'Some fields need attention.', { fields: [{ path: 'title', message: 'Title is required.' }], details: { x: 'kept' } });
    expect(translateAnswer(refusal, upper)).toEqual(
      fail('VALIDATION_FAILED', 'SOME FIELDS NEED ATTENTION.', { fields: [{ path: 'title', message: 'TITLE IS REQUIRED.' }], details: { x: 'kept' } }),
    );
    expect(translateAnswer(ok({ title: 'user text stays', note: 'so does this' }), upper)).toEqual(ok({ title: 'user text stays', note: 'so does this' }));
  });

  it('translates the text the backend wrote into a success: labels, messages, errors and notes, at any depth', () => {
    const data = { from: { label: 'Draft', by: 'acc' }, items: [{ message: 'Jira is busy.', text: 'typed' }], lastRun: { error: 'Failed.' }, notes: ['One.', 'Two.'], label: 3 };
    expect(translateAnswer(ok(data), upper)).toEqual(
      ok({ from: { label: 'DRAFT', by: 'acc' }, items: [{ message: 'JIRA IS BUSY.', text: 'typed' }], lastRun: { error: 'FAILED.' }, notes: ['ONE.', 'TWO.'], label: 3 }),
    );
  });

  it('hands the handler the payload without the locale, and answers in that locale', async () => {
    const seen: unknown[] = [];
    const handler = localized(
      async (request) => {
        seen.push(request.payload);
        return fail('NOT_FOUND', 'No such goal.');
      },
      async (locale) => (locale === 'de-DE' ? upper : null),
    );
    expect(await handler({ payload: { goalId: 'g', uiLocale: 'de-DE' } })).toEqual(fail('NOT_FOUND', 'NO SUCH GOAL.'));
    expect(await handler({ payload: { goalId: 'g' } })).toEqual(fail('NOT_FOUND', 'No such goal.'));
    expect(seen).toEqual([{ goalId: 'g' }, { goalId: 'g' }]);
  });
});
