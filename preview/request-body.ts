/**
 * Request bodies of the preview's HTTP endpoints: JSON objects, bounded. Whatever a client sends, it
 * gets an answer it can read (never a 500 or a reset connection): a body over the limit is read to its
 * end and discarded (so the client can finish sending and read the reply), then answered 413; a body
 * that is not JSON, or JSON that is not an object (`null`, an array, a number...), is answered 400.
 */
import type { IncomingMessage } from 'node:http';

/** Past this, an endless body is cut off rather than drained (the connection closes after the 413). */
const DRAIN_LIMIT = 64 * 1024 * 1024;

export type BodyAnswer =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; status: 400 | 413; error: { code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE'; message: string } };

type Raw = { ok: true; text: string } | { ok: false; size: number };

/** The body as text, or how far it went past `limit` (the rest is read and dropped). */
function readRaw(req: IncomingMessage, limit: number): Promise<Raw> {
  return new Promise((done, failed) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else {
        chunks.length = 0;
        if (size > DRAIN_LIMIT) {
          req.removeAllListeners('data');
          req.pause();
          done({ ok: false, size });
        }
      }
    });
    req.on('end', () => done(size > limit ? { ok: false, size } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', failed);
  });
}

/**
 * Reads a JSON object body of at most `limit` bytes; `shape` names its fields in the 400 message.
 * @example await readJsonObject(req, 1024, '{ user, allowed }') // { ok: true, value: { user: 'admin', allowed: true } }
 */
export async function readJsonObject(req: IncomingMessage, limit: number, shape: string): Promise<BodyAnswer> {
  const declared = Number(req.headers['content-length']);
  const raw = await readRaw(req, limit);
  if (!raw.ok || declared > limit)
    return { ok: false, status: 413, error: { code: 'PAYLOAD_TOO_LARGE', message: `The request body is over the limit of ${limit} bytes.` } };
  let value: unknown;
  try {
    value = JSON.parse(raw.text);
  } catch {
    return { ok: false, status: 400, error: { code: 'BAD_REQUEST', message: `Body must be JSON: ${shape}` } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, status: 400, error: { code: 'BAD_REQUEST', message: `Body must be a JSON object: ${shape}` } };
  return { ok: true, value: value as Record<string, unknown> };
}
