import { InProcessQueue } from './in-process-queue';

const job = (n: number) => ({ type: 'test', n });

it('runs pushed events after the push returns, one at a time, including those they push', async () => {
  const queue = new InProcessQueue();
  const seen: number[] = [];
  queue.connect(async (body) => {
    seen.push(body.n as number);
    if (body.n === 1) await queue.push([job(3)]);
  });
  await queue.push([job(1), job(2)]);
  expect(seen).toEqual([]);
  await queue.drain();
  expect(seen).toEqual([1, 2, 3]);
  expect(queue.stats).toMatchObject({ pushed: 3, runs: 3, failures: 0 });
});

it('runs by itself in auto mode', async () => {
  const queue = new InProcessQueue();
  const done = new Promise<unknown>((resolve) => queue.connect(async (body) => resolve(body)));
  await queue.push([job(7)]);
  await expect(done).resolves.toEqual(job(7));
});

it('retries a failed event with its retry count, up to 3 times, then drops it', async () => {
  const queue = new InProcessQueue({ auto: false });
  const attempts: number[] = [];
  queue.connect(async (_body, attempt) => {
    attempts.push(attempt.retryCount);
    expect(attempt.maxRetries).toBe(3);
    throw new Error('nope');
  });
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await queue.push([job(1)]);
  await queue.drain();
  error.mockRestore();
  expect(attempts).toEqual([0, 1, 2, 3]);
  expect(queue.stats).toMatchObject({ runs: 4, failures: 4, dropped: 1 });
});

it('runs nothing until drained in manual mode; drain can stop after n events', async () => {
  const queue = new InProcessQueue({ auto: false });
  const seen: number[] = [];
  queue.connect(async (body) => void seen.push(body.n as number));
  await queue.push([job(1), job(2), job(3)]);
  await new Promise((r) => setTimeout(r, 5));
  expect(seen).toEqual([]);
  expect(await queue.drain(2)).toBe(2);
  expect(queue.size).toBe(1);
  expect(await queue.drain()).toBe(1);
});

it('keeps events apart from what pushed them, and refuses a push over 200 KB', async () => {
  const queue = new InProcessQueue({ auto: false });
  const seen: unknown[] = [];
  queue.connect(async (body) => void seen.push(body));
  const body = { type: 'test', list: [1] };
  await queue.push([body]);
  body.list.push(2);
  await queue.drain();
  expect(seen).toEqual([{ type: 'test', list: [1] }]);
  await expect(queue.push([{ type: 'big', text: 'x'.repeat(210 * 1024) }])).rejects.toThrow(/200 KB/);
});
