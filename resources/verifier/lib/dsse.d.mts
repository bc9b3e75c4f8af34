/** Types of the part of dsse.mjs the tests call directly (the verifier's own Ed25519 check). */
import type { KeyObject } from 'node:crypto';
export function verifyEd25519(publicKey: KeyObject, data: Uint8Array, signature: unknown): boolean;
export function keyIdOf(rawPublicKey: Uint8Array): string;
export function paeBytes(type: string, body: Uint8Array): Buffer;
