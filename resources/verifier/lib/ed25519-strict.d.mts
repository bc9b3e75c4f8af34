/** Types of ed25519-strict.mjs, for the TypeScript core (which applies the same rules) and the tests. */
export type KeyWeakness = 'length' | 'non-canonical' | 'small-order';
export type SignatureWeakness = 'length' | 'scalar' | 'small-order';
export function publicKeyWeakness(raw: Uint8Array): KeyWeakness | null;
export function signatureWeakness(signature: Uint8Array): SignatureWeakness | null;
export function describeKeyWeakness(weakness: KeyWeakness): string;
