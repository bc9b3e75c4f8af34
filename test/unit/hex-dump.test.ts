import { describe, expect, it } from 'vitest';
import { base64ToBytes, hexDump } from '../../renderer/src/editor/hex-dump.js';

describe('hexDump', () => {
  it('shows offsets, two groups of eight bytes and printable ASCII', () => {
    const bytes = Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<img src=x>', 'latin1');
    expect(hexDump(bytes).split('\n')).toEqual([
      '00000000  89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52  |.PNG........IHDR|',
      '00000010  3c 69 6d 67 20 73 72 63  3d 78 3e                 |<img src=x>|',
    ]);
  });

  it('decodes base64 previews to bytes', () => {
    expect(Array.from(base64ToBytes(Buffer.from([0, 255, 128]).toString('base64')))).toEqual([0, 255, 128]);
  });
});
