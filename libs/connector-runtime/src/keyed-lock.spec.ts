import { KeyedLock } from './keyed-lock';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedLock', () => {
  it('runs work of one key in order and work of different keys side by side', async () => {
    const sut = new KeyedLock();
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`${name}:start`);
      await tick(ms);
      log.push(`${name}:end`);
    };
    await Promise.all([
      sut.run('a', step('a1', 30)),
      sut.run('a', step('a2', 1)),
      sut.run('b', step('b1', 5)),
    ]);
    expect(log.indexOf('a1:end')).toBeLessThan(log.indexOf('a2:start'));
    expect(log.indexOf('b1:end')).toBeLessThan(log.indexOf('a1:end'));
  });

  it('goes on with the next work of a key after a failure', async () => {
    const sut = new KeyedLock();
    const failing = sut.run('a', () => Promise.reject(new Error('target refused')));
    await expect(failing).rejects.toThrow('target refused');
    await expect(sut.run('a', () => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('holds several keys at once, so single-key work on any of them waits', async () => {
    const sut = new KeyedLock();
    const log: string[] = [];
    const all = sut.runAll(['b', 'a', 'b'], async () => {
      await tick(20);
      log.push('all');
    });
    await tick(5); // runAll now holds a and b
    const single = sut.run('b', async () => {
      log.push('b');
    });
    await Promise.all([all, single]);
    expect(log).toEqual(['all', 'b']);
  });
});
