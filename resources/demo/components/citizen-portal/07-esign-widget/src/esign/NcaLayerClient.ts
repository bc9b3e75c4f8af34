/**
 * Client for NCALayer, the desktop application through which citizens sign documents with
 * their qualified electronic signature (EDS) issued by the National Certification Authority.
 * NCALayer listens on a local WebSocket; the browser sends it JSON requests.
 */
const NCALAYER_URL = 'wss://127.0.0.1:13579/';

export type StorageType = 'PKCS12' | 'AKKaztokenStore' | 'AKKZIDCardStore';

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

export class NcaLayerClient {
  private socket: WebSocket | null = null;

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(NCALAYER_URL);
      socket.onopen = () => {
        this.socket = socket;
        resolve();
      };
      socket.onerror = () => reject(new Error('NCALayer is not running'));
    });
  }

  /** Signs base64 data as a CMS (CAdES-BES) signature with the key the citizen chooses. */
  signCms(storage: StorageType, base64Data: string): Promise<string> {
    return this.send({
      module: 'kz.gov.pki.knca.commonUtils',
      method: 'createCAdESFromBase64',
      args: [storage, 'SIGNATURE', base64Data, true],
    });
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }

  private send(request: NcaRequest): Promise<string> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('Not connected to NCALayer'));
    return new Promise((resolve, reject) => {
      socket.onmessage = (event: MessageEvent<string>) => {
        const response = JSON.parse(event.data) as NcaResponse;
        if (response.code === '200' && response.responseObject) resolve(response.responseObject);
        else reject(new Error(response.message ?? `NCALayer error ${response.code}`));
      };
      socket.send(JSON.stringify(request));
    });
  }
}
