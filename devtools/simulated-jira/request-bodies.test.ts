/**
 * The simulated Jira's answer to request bodies of the wrong shape, through the platform's product
 * proxy (what the SDK's `requestJira` reaches): JSON `null` and, where Jira takes an object, any other
 * non-object body, get a 400 with Jira's ErrorCollection; a body that is not JSON at all too. Never a
 * thrown error (a crash of the preview) or a 5xx.
 */
import { answerJira, type ProxyConditions } from '../forge-platform/product-proxy';
import { DEMO_USERS, seedDemoSite } from './seed';
import { ROUTES } from './routes';

const site = seedDemoSite();
const conditions: ProxyConditions = { consentPending: new Set(), jiraConnected: true, proxyErrors: [] };
const invocation = { accountId: DEMO_USERS.admin, product: 'jira' as const };
const pathOf = (template: string) =>
  template.replace('{projectIdOrKey}', 'PV').replace('{issueIdOrKey}', 'PV-1').replace('{propertyKey}', 'some-property');

const send = async (method: string, template: string, body: string) => {
  const answer = await answerJira(site, conditions, invocation, { type: 'fpp', remote: 'jira', provider: 'app' }, pathOf(template), { method, body });
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : null };
};

const OBJECT_BODIES = ROUTES.filter((r) => r.method === 'POST');
const VALUE_BODIES = ROUTES.filter((r) => r.method === 'PUT');

describe('request bodies of the wrong shape', () => {
  it.each(OBJECT_BODIES.map((r) => [`${r.method} ${r.template}`, r] as const))('%s: null, an array, a number, a string, a boolean → 400', async (_name, route) => {
    for (const body of ['null', '[]', '[{"jql":"project = PV"}]', '42', '"project = PV"', 'true']) {
      const answer = await send(route.method, route.template, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(answer.body).toMatchObject({ errorMessages: [expect.any(String)] });
    }
  });

  it.each(VALUE_BODIES.map((r) => [`${r.method} ${r.template}`, r] as const))('%s: a null value → 400 (any other JSON value is a valid property)', async (_name, route) => {
    const answer = await send(route.method, route.template, 'null');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errorMessages: ['The property value cannot be empty.'] });
    expect((await send(route.method, route.template, '[1, 2]')).status).toBeLessThan(300);
  });

  it.each([...OBJECT_BODIES, ...VALUE_BODIES].map((r) => [`${r.method} ${r.template}`, r] as const))('%s: a body that is not JSON → 400', async (_name, route) => {
    for (const body of ['{not json', '{"jql": "project = PV"', 'nul']) {
      const answer = await send(route.method, route.template, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(answer.body).toEqual({ errorMessages: ['The request body is not valid JSON.'], errors: {} });
    }
  });
});
