import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/build-steps.mjs';

// The installers cannot be built here (electron-builder downloads Electron and NSIS); the configuration they
// are built from is checked instead: against electron-builder's own schema, and for what we rely on.
interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  [key: string]: unknown;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  publish: null;
  electronVersion: string;
  win: { target: Target[]; icon: string; artifactName: string };
  linux: { target: Target[]; icon: string };
}
const config = JSON.parse(readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as BuilderConfig;
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; main: string; scripts: Record<string, string>; devDependencies: Record<string, string> };

describe('the installer configuration (electron-builder.json)', () => {
  it("is valid by electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const { $comment: _comment, ...rest } = config;
    expect(validate(rest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds Windows (NSIS) and Linux (AppImage, deb) installers of this version, for the pinned Electron', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.electronVersion).toBe(manifest.devDependencies['electron']);
    expect(config.win.artifactName).toContain('${version}');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.scripts['package']).toBe('npm run build && electron-builder --linux --win');
  });

  it('packs what the app reads at run time, and keeps what other programs read outside the archive', () => {
    const files = config.files;
    // The main process entry, the preload, the renderer and the resources the core reads.
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'resources/schemas/**', 'resources/demo/**', 'resources/verifier/**']));
    expect(manifest.main).toBe('dist/main/main.js');
    for (const folder of ['resources/schemas', 'resources/demo', 'resources/verifier']) expect(existsSync(path.join(root, folder)), folder).toBe(true);
    // git reads the demo sources and people run the verifier with plain Node: neither can read inside app.asar;
    // sqlite3's native module is loaded from disk.
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['resources/demo/**', 'resources/verifier/**', 'node_modules/sqlite3/**']));
    // sqlite3 is N-API: it loads in Electron as built, so nothing is rebuilt (that would need the network).
    expect(config.npmRebuild).toBe(false);
  });

  it("ships libsodium's prebuilt N-API addon for Windows and Linux, outside the archive, and not the other platforms'", () => {
    expect(config.asarUnpack).toContain('node_modules/sodium-native/**');
    for (const platform of ['linux-x64', 'win32-x64']) {
      const addon = readFileSync(path.join(root, 'node_modules', 'sodium-native', 'prebuilds', platform, 'sodium-native.node'));
      // An N-API module registers itself through this symbol: Electron loads it as built, with no rebuild.
      expect(addon.includes('napi_register_module_v1'), platform).toBe(true);
      expect(config.files.filter((f) => f.startsWith('!') && f.includes(platform))).toEqual([]);
    }
    expect(config.files).toEqual(expect.arrayContaining(['!node_modules/sodium-native/prebuilds/{android,ios,darwin}-*/**', '!node_modules/sodium-native/prebuilds/**/*.bare']));
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies['sodium-native']).toBe('4.3.2');
  });

  it('never updates itself or publishes anywhere (air-gapped installations)', () => {
    expect(config.publish).toBeNull();
    expect(JSON.stringify(config)).not.toMatch(/https?:\/\//);
  });

  it('has a 512×512 PNG icon for both platforms', () => {
    const icon = readFileSync(path.join(root, config.linux.icon));
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.win.icon).toBe(config.linux.icon);
  });
});
