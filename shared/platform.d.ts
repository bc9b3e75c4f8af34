/**
 * shared/ sees neither DOM nor Node types. These are the few globals both browsers and Node provide that
 * shared code uses; declaring them here keeps everything else (fs, window, process…) out of reach.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
