export type Language = 'kk' | 'ru' | 'en';

export interface Recipient {
  citizenId: string;
  language: Language;
  phone?: string;
  email?: string;
  /** Registered devices of the mobile app (FCM/APNs tokens). */
  deviceTokens?: string[];
  telegramChatId?: number;
  /** Channels the citizen agreed to in the portal settings, in order of preference. */
  consents: ChannelName[];
}

export type ChannelName = 'sms' | 'email' | 'push' | 'telegram';

export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** A delivery channel. send() throws PermanentDeliveryError when retrying cannot help. */
export interface Channel {
  readonly name: ChannelName;
  canReach(recipient: Recipient): boolean;
  send(recipient: Recipient, message: RenderedMessage): Promise<void>;
}
