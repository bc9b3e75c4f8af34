import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, withRetry } from '../src/retry.js';

const noSleep = async () => {};

describe('withRetry', () => {
  it('returns the first success', async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      if (calls < 3) throw new Error('busy');
      return 'ok';
    }, { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, sleep: noSleep });
    assert.equal(result, 'ok');
    assert.equal(calls, 3);
  });

  it('gives up after the last attempt with the last error', async () => {
    await assert.rejects(
      withRetry(async (n) => { throw new Error(`fail ${n}`); }, { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: noSleep }),
      /fail 3/,
    );
  });

  it('does not retry permanent errors', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(async () => { calls++; throw new Error('bad number'); }, {
        attempts: 5, baseDelayMs: 1, maxDelayMs: 1, sleep: noSleep, isPermanent: () => true,
      }),
    );
    assert.equal(calls, 1);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the maximum', () => {
    const options = { baseDelayMs: 200, maxDelayMs: 5000 };
    const top = () => 0.999999;
    assert.equal(backoffDelay(1, options, top), 199);
    assert.equal(backoffDelay(3, options, top), 799);
    assert.equal(backoffDelay(10, options, top), 4999);
  });
});
