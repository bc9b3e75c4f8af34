import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { PermanentDeliveryError, type Channel, type ChannelName, type Recipient, type RenderedMessage } from '../src/channels/channel.js';
import { Dispatcher, type NotificationEvent } from '../src/dispatcher.js';

const silent = pino({ level: 'silent' });

class FakeChannel implements Channel {
  readonly sent: RenderedMessage[] = [];
  constructor(
    readonly name: ChannelName,
    private readonly behaviour: 'ok' | 'permanent' | 'temporary' = 'ok',
  ) {}
  canReach(): boolean {
    return true;
  }
  async send(_recipient: Recipient, message: RenderedMessage): Promise<void> {
    if (this.behaviour === 'permanent') throw new PermanentDeliveryError('mailbox unknown');
    if (this.behaviour === 'temporary') throw new Error('timeout');
    this.sent.push(message);
  }
}

function event(consents: ChannelName[]): NotificationEvent {
  return {
    id: 'evt-1',
    templateId: 'application.approved',
    recipient: { citizenId: 'c-1', language: 'ru', phone: '+77010000001', email: 'citizen@example.kz', consents },
    params: { number: '2025-000123' },
  };
}

describe('Dispatcher', () => {
  it('uses the first consented channel', async () => {
    const sms = new FakeChannel('sms');
    const email = new FakeChannel('email');
    const result = await new Dispatcher([sms, email], silent).dispatch(event(['email', 'sms']));
    assert.deepEqual(result, { status: 'delivered', channel: 'email' });
    assert.equal(sms.sent.length, 0);
  });

  it('falls back after a permanent failure', async () => {
    const result = await new Dispatcher([new FakeChannel('email', 'permanent'), new FakeChannel('sms')], silent).dispatch(event(['email', 'sms']));
    assert.deepEqual(result, { status: 'delivered', channel: 'sms' });
  });

  it('rethrows temporary failures so that the event is retried', async () => {
    await assert.rejects(new Dispatcher([new FakeChannel('sms', 'temporary')], silent).dispatch(event(['sms'])), /timeout/);
  });

  it('never uses a channel without consent', async () => {
    const sms = new FakeChannel('sms');
    const result = await new Dispatcher([sms], silent).dispatch(event([]));
    assert.equal(result.status, 'undeliverable');
    assert.equal(sms.sent.length, 0);
  });
});
