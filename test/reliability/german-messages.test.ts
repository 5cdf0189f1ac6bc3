/**
 * Every message a resolver answers with comes in the user's language. For every Jira resolver key,
 * four roles and a set of broken payloads (the working payload, then each field dropped, emptied,
 * mistyped, too long, or naming nothing that exists), the call goes through the bundle Forge runs,
 * with the UI's locale `de-DE`. Each message of a refusal (the error's and every field's) must be a
 * German text of the catalogue, and no text the backend wrote into a success may be left in English (locales/de-DE.json), read as Forge reads it: `__LOCALES__/` beside the
 * bundle, through @forge/api's i18n. A message left in English fails the test and is listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JIRA_KEYS, type Result } from '../../src/contract';
import { UI_LOCALE_FIELD } from '../../src/contract/shared/ui-locale';
import { compileCatalogue } from '../../src/domain/shared/message-catalogue';
import { BUNDLE_DIR } from '../../devtools/forge-platform/forge-bundle';
import { PV, type Role } from '../support/local-app';
import { extensionFor, payloadOf, seeded, type JiraKey, type Seeded } from '../support/seeded-project';

const german = JSON.parse(readFileSync(join(BUNDLE_DIR, '__LOCALES__', 'de-DE.json'), 'utf8')) as { messages: Record<string, string>; values: Record<string, string> };

/** German → a marked English: a German message matches iff the result carries the mark. */
const MARK = '\u0001';
const backToEnglish = compileCatalogue(
  Object.fromEntries(Object.entries({ ...german.values, ...german.messages }).map(([en, de]) => [de, `${MARK}${en}`])),
);
const isGerman = (message: string) => backToEnglish(message).startsWith(MARK);
const toGerman = compileCatalogue({ ...german.values, ...german.messages });

/** The working payload, then each top-level field broken in the ways users and clients break them. */
function variants(base: unknown): unknown[] {
  const out: unknown[] = [base, {}, null, { ...(base as object), unknownField: 1 }];
  if (typeof base !== 'object' || base === null) return out;
  for (const [field, value] of Object.entries(base)) {
    const rest = { ...(base as Record<string, unknown>) };
    delete rest[field];
    out.push(rest);
    for (const broken of ['', 12345, 'x'.repeat(3000), 'id-99', 'PV-999', '2025-02-30', -1, { nested: true }, [value]])
      out.push({ ...(base as object), [field]: broken });
  }
  return out;
}

const ROLES: Role[] = ['admin', 'member', 'outsider', 'anonymous'];

/** The text the backend wrote into a success's data (a version's label, a scan's message, an import's notes). */
function writtenText(data: unknown): string[] {
  if (Array.isArray(data)) return data.flatMap(writtenText);
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([k, v]) =>
    ['label', 'message', 'error', 'notes'].includes(k) && (typeof v === 'string' || Array.isArray(v)) ? [v].flat().filter((x): x is string => typeof x === 'string') : writtenText(v),
  );
}

describe('German answers from every resolver', () => {
  let s: Seeded;
  beforeAll(async () => {
    s = await seeded();
  }, 120_000);

  it('knows a message from its German text, and an English one as English', () => {
    expect(isGerman(toGerman('Some fields need attention.'))).toBe(true);
    expect(isGerman('Some fields need attention.')).toBe(false);
  });

  it('every refusal of every key, role and broken payload is German', async () => {
    const english = new Map<string, string>();
    let refusals = 0;
    let messages = 0;
    for (const key of JIRA_KEYS as readonly JiraKey[]) {
      for (const role of ROLES) {
        for (const payload of variants(payloadOf(key, s))) {
          // Only an object payload can carry the locale (the UI always sends one).
          if (!payload || typeof payload !== 'object' || Array.isArray(payload)) continue;
          const wire = { ...payload, [UI_LOCALE_FIELD]: 'de-DE' };
          const result: Result<unknown> = await s.app.callBundled(role, key, wire, extensionFor(s.app, key, PV));
          if (result.ok) {
            for (const text of writtenText(result.data)) if (toGerman(text) !== text) english.set(text, `${key} as ${role} (data)`);
            continue;
          }
          refusals++;
          for (const message of [result.error.message, ...(result.error.fields ?? []).map((f) => f.message)]) {
            messages++;
            if (!isGerman(message)) english.set(message, `${key} as ${role}`);
          }
        }
      }
    }
    console.log(`German messages checked: ${messages} in ${refusals} refusals; left in English: ${english.size}`);
    expect([...english].map(([m, where]) => `${where}: ${m}`)).toEqual([]);
    expect(refusals).toBeGreaterThan(1000);
  }, 600_000);

  it('answers in English when the UI names no locale or English, and ignores a locale that is not one', async () => {
    const bad = { goal: { title: '' }, baseRevision: 0 };
    const plain = await s.app.callBundled('admin', 'goal/create', bad);
    for (const locale of ['en-US', 'en_GB', 'xx-not-a-locale', 42])
      expect(await s.app.callBundled('admin', 'goal/create', { ...bad, [UI_LOCALE_FIELD]: locale })).toEqual(plain);
    const de = await s.app.callBundled('admin', 'goal/create', { ...bad, [UI_LOCALE_FIELD]: 'de_AT' });
    expect(plain.ok || de.ok).toBe(false);
    if (plain.ok || de.ok) return;
    expect(de.error.message).toBe(toGerman(plain.error.message));
    expect(de.error.message).not.toBe(plain.error.message);
    expect(de.error.fields?.map((f) => f.message)).toEqual(plain.error.fields?.map((f) => toGerman(f.message)));
  });
});
