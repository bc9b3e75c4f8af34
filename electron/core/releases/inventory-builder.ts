import type { ReleaseInventory } from '../../../shared/contract/deposits.js';
import { languageOfPath } from '../../../shared/domain/languages.js';
import type { DigestedFile } from '../digest/digested-file.js';
import type { BlobFacts } from './blob-facts.js';

export const LARGE_FILE_BYTES = 5 * 1024 * 1024;

const BUILD_FILES: ReadonlyArray<[RegExp, string]> = [
  [/^package\.json$/, 'npm'],
  [/^pom\.xml$/, 'maven'],
  [/^(build|settings)\.gradle(\.kts)?$/, 'gradle'],
  [/^go\.mod$/, 'go'],
  [/^cargo\.toml$/, 'cargo'],
  [/^(gnu)?makefile$/, 'make'],
  [/^cmakelists\.txt$/, 'cmake'],
  [/\.(cs|vb|fs)proj$|\.sln$/, 'dotnet'],
  [/^dockerfile(\..+)?$|\.dockerfile$/, 'docker'],
  [/^(docker-)?compose\.ya?ml$/, 'compose'],
  [/^(requirements\.txt|pyproject\.toml|setup\.py|setup\.cfg|pipfile)$/, 'python'],
  [/^gemfile$|\.gemspec$/, 'ruby'],
  [/^composer\.json$/, 'php'],
  [/^build\.xml$/, 'ant'],
  [/^meson\.build$/, 'meson'],
  [/^(build|build\.bazel|workspace|module\.bazel)$/, 'bazel'],
  [/^build\.sbt$/, 'sbt'],
  [/^configure\.(ac|in)$/, 'autotools'],
  [/^\.gitlab-ci\.yml$|^jenkinsfile$/, 'ci'],
];
const LICENCE = /^(licen[cs]e|copying|notice|unlicense|copyright)([.-].*)?$|\.licen[cs]e$/i;
const VENDORED = new Set(['node_modules', 'bower_components', 'vendor', 'third_party', 'third-party', 'thirdparty', 'pods', 'external']);

export interface SubmoduleLookup {
  /** The registered component holding that commit of that URL, if any. */
  find(url: string | null, commit: string): Promise<string | null>;
}

/**
 * What a domestic operator needs to judge whether a deposit is maintainable: size and languages, how it
 * is built, its licences, what was vendored in, and what cannot be read as source (binaries, LFS pointers
 * whose content was never deposited, submodules held elsewhere, very large files).
 */
export async function buildInventory(
  files: readonly DigestedFile[],
  blobs: ReadonlyMap<string, BlobFacts>,
  submoduleUrls: ReadonlyMap<string, string | null>,
  submodules: SubmoduleLookup,
): Promise<ReleaseInventory> {
  const inventory: ReleaseInventory = {
    files: 0, bytes: 0, lines: 0, languages: [], buildFiles: [], licenceFiles: [], vendoredFolders: [],
    binaryFiles: [], largeFiles: [], lfsPointers: [], submodules: [], symlinks: 0, executables: 0,
  };
  const languages = new Map<string, { files: number; lines: number; bytes: number }>();
  const vendored = new Map<string, { files: number; bytes: number }>();
  for (const file of files) {
    if (file.mode === '160000') {
      const url = submoduleUrls.get(file.path) ?? null;
      const component = await submodules.find(url, file.oid);
      inventory.submodules.push({ path: file.path, url, commit: file.oid, deposited: component !== null, component });
      continue;
    }
    inventory.files++;
    inventory.bytes += file.size;
    if (file.mode === '120000') {
      inventory.symlinks++;
      continue;
    }
    if (file.mode === '100755') inventory.executables++;
    const name = file.path.split('/').pop()!.toLowerCase();
    const system = BUILD_FILES.find(([pattern]) => pattern.test(name))?.[1];
    if (system) inventory.buildFiles.push({ path: file.path, system });
    if (LICENCE.test(name)) inventory.licenceFiles.push(file.path);
    const vendorFolder = vendoredFolder(file.path);
    if (vendorFolder) {
      const entry = vendored.get(vendorFolder) ?? { files: 0, bytes: 0 };
      entry.files++;
      entry.bytes += file.size;
      vendored.set(vendorFolder, entry);
    }
    if (file.size > LARGE_FILE_BYTES) inventory.largeFiles.push({ path: file.path, size: file.size });
    const facts = blobs.get(file.oid);
    if (facts?.lfs) inventory.lfsPointers.push({ path: file.path, oid: facts.lfs.oid, size: facts.lfs.size });
    if (facts?.binary) {
      inventory.binaryFiles.push({ path: file.path, size: file.size });
      continue;
    }
    const lines = facts?.lines ?? 0;
    inventory.lines += lines;
    const language = languageOfPath(file.path);
    const entry = languages.get(language) ?? { files: 0, lines: 0, bytes: 0 };
    entry.files++;
    entry.lines += lines;
    entry.bytes += file.size;
    languages.set(language, entry);
  }
  inventory.languages = [...languages].map(([language, e]) => ({ language, ...e })).sort((a, b) => b.lines - a.lines || b.files - a.files);
  inventory.vendoredFolders = [...vendored].map(([path, e]) => ({ path, ...e })).sort((a, b) => b.bytes - a.bytes);
  inventory.largeFiles.sort((a, b) => b.size - a.size);
  inventory.binaryFiles.sort((a, b) => b.size - a.size);
  return inventory;
}

/** The outermost vendored folder a path lies in (node_modules, vendor, third_party…), if any. */
function vendoredFolder(path: string): string | null {
  const segments = path.split('/');
  const index = segments.slice(0, -1).findIndex((s) => VENDORED.has(s.toLowerCase()));
  return index === -1 ? null : segments.slice(0, index + 1).join('/');
}
