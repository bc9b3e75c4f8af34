/**
 * Client for NCALayer, the desktop application through which citizens sign documents with
 * their qualified electronic signature (EDS) issued by the National Certification Authority.
 * NCALayer listens on a local WebSocket; the browser sends it JSON requests.
 */
const NCALAYER_URL = 'wss://127.0.0.1:13579/';
const CONNECT_TIMEOUT_MS = 5_000;
const SIGN_TIMEOUT_MS = 120_000;

export type StorageType = 'PKCS12' | 'AKKaztokenStore' | 'AKKZIDCardStore';

/** Failure reasons the dialog translates for the citizen. */
export type NcaErrorReason = 'not-running' | 'cancelled' | 'wrong-password' | 'expired-certificate' | 'timeout' | 'unknown';

export class NcaLayerError extends Error {
  constructor(
    public readonly reason: NcaErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'NcaLayerError';
  }
}

interface NcaRequest {
  module: string;
  method: string;
  args: unknown[];
}

interface NcaResponse {
  code: string;
  message?: string;
  responseObject?: string;
}

function reasonOf(response: NcaResponse): NcaErrorReason {
  const message = (response.message ?? '').toLowerCase();
  if (message.includes('action.canceled') || message.includes('cancel')) return 'cancelled';
  if (message.includes('password')) return 'wrong-password';
  if (message.includes('expired') || message.includes('not yet valid')) return 'expired-certificate';
  return 'unknown';
}

export class NcaLayerClient {
  private socket: WebSocket | null = null;

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(NCALAYER_URL);
      const timer = window.setTimeout(() => {
        socket.close();
        reject(new NcaLayerError('not-running', 'NCALayer did not answer'));
      }, CONNECT_TIMEOUT_MS);
      socket.onopen = () => {
        window.clearTimeout(timer);
        this.socket = socket;
        resolve();
      };
      socket.onerror = () => {
        window.clearTimeout(timer);
        reject(new NcaLayerError('not-running', 'NCALayer is not running'));
      };
    });
  }

  /** Signs base64 data as a CMS (CAdES-BES) signature with the key the citizen chooses. */
  signCms(storage: StorageType, base64Data: string): Promise<string> {
    return this.send(
      {
        module: 'kz.gov.pki.knca.commonUtils',
        method: 'createCAdESFromBase64',
        args: [storage, 'SIGNATURE', base64Data, true],
      },
      SIGN_TIMEOUT_MS,
    );
  }

  /** Storage types with a key present: hardware tokens first, file storage last. */
  async availableStorages(): Promise<StorageType[]> {
    const answer = await this.send({ module: 'kz.gov.pki.knca.commonUtils', method: 'getActiveTokens', args: [] }, CONNECT_TIMEOUT_MS);
    const tokens = JSON.parse(answer) as StorageType[];
    return [...tokens, 'PKCS12'];
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }

  private send(request: NcaRequest, timeoutMs: number): Promise<string> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new NcaLayerError('not-running', 'Not connected to NCALayer'));
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => reject(new NcaLayerError('timeout', 'NCALayer did not answer in time')), timeoutMs);
      socket.onmessage = (event: MessageEvent<string>) => {
        window.clearTimeout(timer);
        let response: NcaResponse;
        try {
          response = JSON.parse(event.data) as NcaResponse;
        } catch {
          reject(new NcaLayerError('unknown', 'Unreadable answer from NCALayer'));
          return;
        }
        if (response.code === '200' && response.responseObject) resolve(response.responseObject);
        else reject(new NcaLayerError(reasonOf(response), response.message ?? `NCALayer error ${response.code}`));
      };
      socket.send(JSON.stringify(request));
    });
  }
}
