import { canonicalJson } from '../../../shared/domain/canonical-json.js';
import type { Signer } from './keyring.js';
import { signBytes } from './keys.js';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const MANIFEST_PAYLOAD_TYPE = 'application/vnd.escrow-workbench.manifest+json';
export const SIGNOFF_PREDICATE_TYPE = 'https://escrow-workbench.org/signoff/v1';

export interface DsseEnvelope {
  payloadType: string;
  payload: string;
  signatures: Array<{ keyid: string; sig: string }>;
}

/** DSSE v1 pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body. */
export function paeBytes(payloadType: string, body: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `, 'utf8'), type, Buffer.from(` ${body.length} `, 'utf8'), body]);
}

/** An envelope over the canonical JSON of `payload`, signed by one person. */
export function signEnvelope(payloadType: string, payload: unknown, signer: Signer): DsseEnvelope {
  const body = Buffer.from(canonicalJson(payload), 'utf8');
  return { payloadType, payload: body.toString('base64'), signatures: [{ keyid: signer.keyid, sig: signBytes(signer.privateKey, paeBytes(payloadType, body)) }] };
}
