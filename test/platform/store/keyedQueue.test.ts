import { KeyedQueue } from '../../../src/platform/store/keyedQueue';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedQueue (one turn at a time per conversation)', () => {
  test('tasks of one key never overlap and run in arrival order', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await tick(ms);
      events.push(`end ${name}`);
    };
    await Promise.all([queue.run('c1', task('a', 20)), queue.run('c1', task('b', 1)), queue.run('c1', task('c', 1))]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  test('different keys run in parallel', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    await Promise.all([
      queue.run('c1', async () => (events.push('start 1'), await tick(20), events.push('end 1'))),
      queue.run('c2', async () => (events.push('start 2'), await tick(1), events.push('end 2'))),
    ]);
    expect(events).toEqual(['start 1', 'start 2', 'end 2', 'end 1']);
  });

  test('a failing task rejects its caller but does not block the next one', async () => {
    const queue = new KeyedQueue();
    await expect(queue.run('c1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('c1', async () => 'next')).resolves.toBe('next');
  });

  test('idle() waits for every queued task', async () => {
    const queue = new KeyedQueue();
    let done = false;
    void queue.run('c1', async () => (await tick(15), (done = true)));
    await queue.idle();
    expect(done).toBe(true);
  });
});
