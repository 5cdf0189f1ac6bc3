/**
 * The preview's HTTP endpoints over real requests to 127.0.0.1: a body over an endpoint's limit gets
 * 413 with a JSON error (also when it arrives in chunks with no declared length), a JSON body that is
 * not an object (`null`, an array, a number, a string) or not JSON gets 400, never a 500 or a reset
 * connection; and the files the preview keeps survive a writer killed part-way (atomic replacement).
 */
import { request } from 'node:http';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MACRO_LOCAL_ID } from './contexts';
import { createPreview } from './preview-app';

type Preview = ReturnType<typeof createPreview>;

const ENDPOINTS = [
  { path: '/api/invoke', limit: 1024 * 1024 },
  { path: '/preview/macro-config', limit: 16_384 },
  { path: '/preview/consent', limit: 1024 },
] as const;

/** POSTs `chunks` one after another without a Content-Length (chunked), and reads the whole answer. */
function postChunked(url: string, chunks: Buffer[]): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, failed) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      res.on('error', failed);
    });
    req.on('error', failed);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('the preview answers every request body with a status it can explain', () => {
  let dataDir: string;
  let preview: Preview;
  let url: string;
  let close: () => void;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pv-preview-limits-'));
    preview = createPreview({ dataDir });
    const listening = await preview.listen(0);
    url = listening.url;
    close = () => listening.server.close();
  });
  afterAll(() => {
    close();
    preview.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (path: string, body: string | Buffer) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : new Uint8Array(body) });

  it.each(ENDPOINTS.map((e) => [e.path, e] as const))('%s: over its limit → 413 with a JSON error, declared or chunked', async (path, { limit }) => {
    const over = Buffer.alloc(limit + 1, ' ');
    const declared = await post(path, over);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: `The request body is over the limit of ${limit} bytes.` });

    // Many times the limit, in chunks, no length declared: read to its end, then answered (no reset).
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const chunked = await postChunked(`${url}${path}`, Array.from({ length: Math.ceil((limit * 4) / chunk.length) }, () => chunk));
    expect(chunked.status).toBe(413);
    expect(chunked.type).toMatch(/application\/json/);
    expect(JSON.parse(chunked.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });

    // Exactly at the limit is not over it: whatever the endpoint says about it, not 413.
    const at = await post(path, Buffer.concat([Buffer.from('{"x":"'), Buffer.alloc(limit - 8, 'a'), Buffer.from('"}')]));
    expect(at.status).toBe(400);
  });

  it.each(ENDPOINTS.map((e) => [e.path] as const))('%s: JSON null, an array, a number, a string, or not JSON → 400 with a JSON error', async (path) => {
    for (const body of ['null', '[]', '[{"functionKey":"project/load"}]', '42', '"project/load"', 'true', '{not json', '']) {
      const answer = await post(path, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect({ body, answer: await answer.json() }).toEqual({ body, answer: { code: 'BAD_REQUEST', message: expect.stringMatching(/^Body must be/) } });
    }
  });

  it('/api/invoke: fields of the wrong type → 400, not a crash of the resolver run', async () => {
    for (const body of [{ functionKey: 5 }, { functionKey: 'project/load', context: null }, { functionKey: 'project/load', context: [] }, { functionKey: 'project/load', accountId: 7 }, { functionKey: 'project/load', jiraConnected: 'no' }]) {
      const answer = await post('/api/invoke', JSON.stringify(body));
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(await answer.json()).toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it('keeps serving after all that, and still takes good bodies', async () => {
    expect((await fetch(`${url}/`)).status).toBe(200);
    const consent = await post('/preview/consent', JSON.stringify({ user: 'member', allowed: true }));
    expect(consent.status).toBe(200);
    expect(await consent.json()).toEqual({ allowed: true });
    const config = await post('/preview/macro-config', JSON.stringify({ localId: MACRO_LOCAL_ID, config: { projectId: '10000' } }));
    expect(await config.json()).toEqual({ saved: true });
  });
});

describe('the files the preview keeps', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pv-preview-files-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('are replaced whole (no temporary file left), and a killed writer’s leftover is never read', async () => {
    const first = createPreview({ dataDir });
    const { server, url } = await first.listen(0);
    const saved = await fetch(`${url}/preview/macro-config`, { method: 'POST', body: JSON.stringify({ localId: MACRO_LOCAL_ID, config: { projectId: '10000', version: 'latest' } }) });
    expect(await saved.json()).toEqual({ saved: true });
    server.close();
    first.close();
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // What a preview killed in the middle of its next save leaves: a partial temporary file beside the real one.
    writeFileSync(join(dataDir, `.confluence-macros.json.4242.1.tmp`), '{"macro-1": {"projectId": "100');
    const second = createPreview({ dataDir });
    const restarted = await second.listen(0);
    const page = await (await fetch(`${restarted.url}/surface/macro/?project=PV`)).text();
    restarted.server.close();
    second.close();
    expect(decodeURIComponent(page)).toContain('"projectId":"10000","version":"latest"');
  });
});
