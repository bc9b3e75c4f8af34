import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DemoCommit, DemoComponent, DemoFileMode, DemoPerson, DemoPlatform, DemoTag, DemoTimestamp } from './platform-types.js';

/**
 * Reads resources/demo/platform.json and checks every field before anything is written, so that a
 * mistake in the demo description fails with a message naming the component and commit at fault.
 * The format is documented in resources/demo/README.md.
 */
export const PLATFORM_FILE = 'platform.json';
export const COMPONENTS_FOLDER = 'components';

const COMPONENT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PERSON_ID = /^[a-z][a-z0-9_.-]*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/;
const FILE_MODES: readonly DemoFileMode[] = ['100644', '100755', '120000'];

export class DemoPlatformError extends Error {
  constructor(message: string) {
    super(`Demo escrow description (${PLATFORM_FILE}): ${message}`);
    this.name = 'DemoPlatformError';
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export async function loadDemoPlatform(resourcesDemoDir: string): Promise<DemoPlatform> {
  const file = path.join(resourcesDemoDir, PLATFORM_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DemoPlatformError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (error) {
    throw new DemoPlatformError(`not valid JSON: ${(error as Error).message}`);
  }
  const platform = parsePlatform(json, resourcesDemoDir);
  await checkOverlayFolders(platform);
  return platform;
}

/** Checks the parsed JSON; overlay folders are resolved but not yet looked at (see checkOverlayFolders). */
export function parsePlatform(json: Json, resourcesDemoDir: string): DemoPlatform {
  const root = object(json, 'the top level');
  if (root.schemaVersion !== 1) throw new DemoPlatformError('"schemaVersion" must be 1');
  const people = parsePeople(root.people);
  const components = array(root.components, '"components"').map((value, index) =>
    parseComponent(value, index, people, resourcesDemoDir),
  );
  if (components.length === 0) throw new DemoPlatformError('"components" is empty');
  const seen = new Set<string>();
  for (const component of components) {
    if (seen.has(component.name)) throw new DemoPlatformError(`component "${component.name}" is described twice`);
    seen.add(component.name);
  }
  return {
    platform: text(root.platform, '"platform"'),
    vendor: text(root.vendor, '"vendor"'),
    components,
  };
}

function parsePeople(value: Json | undefined): Map<string, DemoPerson> {
  const people = new Map<string, DemoPerson>();
  for (const [id, entry] of Object.entries(object(value, '"people"'))) {
    const where = `person "${id}"`;
    if (!PERSON_ID.test(id)) throw new DemoPlatformError(`${where}: ids are lowercase letters, digits, ".", "_" and "-"`);
    const person = object(entry, where);
    const name = text(person.name, `${where}: "name"`);
    const email = text(person.email, `${where}: "email"`);
    if (/[<>\n]/.test(name) || !/^[^\s<>@]+@[^\s<>@]+$/.test(email)) {
      throw new DemoPlatformError(`${where}: name must not contain <, > or line breaks and email must look like user@host`);
    }
    people.set(id, { name, email });
  }
  return people;
}

function parseComponent(value: Json, index: number, people: Map<string, DemoPerson>, demoDir: string): DemoComponent {
  const raw = object(value, `component #${index + 1}`);
  const name = text(raw.name, `component #${index + 1}: "name"`);
  if (!COMPONENT_NAME.test(name)) throw new DemoPlatformError(`component "${name}": the name must be lowercase kebab-case`);
  const where = `component "${name}"`;
  const description = text(raw.description, `${where}: "description"`);
  if (description.includes('\n')) throw new DemoPlatformError(`${where}: "description" must be one line`);
  const contentDir = path.join(demoDir, COMPONENTS_FOLDER, name);
  const commits = array(raw.commits, `${where}: "commits"`).map((entry, i) => parseCommit(entry, i, where, people, contentDir));
  if (commits.length === 0) throw new DemoPlatformError(`${where}: "commits" is empty`);
  const tagNames = new Set<string>();
  for (const commit of commits) {
    for (const tag of commit.tags) {
      if (tagNames.has(tag.name)) throw new DemoPlatformError(`${commit.label}: tag "${tag.name}" is used twice`);
      tagNames.add(tag.name);
    }
  }
  return { name, description, commits };
}

const COMMIT_KEYS = new Set(['message', 'author', 'date', 'branch', 'from', 'merge', 'overlay', 'delete', 'modes', 'tags']);

function parseCommit(value: Json, index: number, component: string, people: Map<string, DemoPerson>, contentDir: string): DemoCommit {
  const raw = object(value, `${component}, commit #${index + 1}`);
  const message = text(raw.message, `${component}, commit #${index + 1}: "message"`);
  const label = `${component}, commit #${index + 1} ("${message.split('\n')[0]}")`;
  for (const key of Object.keys(raw)) {
    if (!COMMIT_KEYS.has(key)) throw new DemoPlatformError(`${label}: unknown field "${key}"`);
  }
  const branch = refName(raw.branch, `${label}: "branch"`);
  const commit: DemoCommit = {
    label,
    message,
    author: person(raw.author, people, `${label}: "author"`),
    date: timestamp(raw.date, `${label}: "date"`),
    branch,
    delete: raw.delete === undefined ? [] : array(raw.delete, `${label}: "delete"`).map((p) => repoPath(p, `${label}: "delete"`)),
    modes: parseModes(raw.modes, label),
    tags: raw.tags === undefined ? [] : array(raw.tags, `${label}: "tags"`).map((t) => parseTag(t, label, people)),
  };
  if (raw.from !== undefined) commit.from = refName(raw.from, `${label}: "from"`);
  if (raw.merge !== undefined) commit.merge = refName(raw.merge, `${label}: "merge"`);
  if (raw.overlay !== undefined) {
    const overlay = repoPath(raw.overlay, `${label}: "overlay"`);
    commit.overlayDir = path.join(contentDir, ...overlay.split('/'));
  }
  if (!commit.overlayDir && commit.delete.length === 0 && Object.keys(commit.modes).length === 0 && !commit.merge) {
    throw new DemoPlatformError(`${label}: a commit needs an "overlay", "delete", "modes" or "merge"`);
  }
  return commit;
}

function parseModes(value: Json | undefined, label: string): Record<string, DemoFileMode> {
  const modes: Record<string, DemoFileMode> = {};
  if (value === undefined) return modes;
  for (const [file, mode] of Object.entries(object(value, `${label}: "modes"`))) {
    const found = FILE_MODES.find((m) => m === mode);
    if (!found) throw new DemoPlatformError(`${label}: mode of "${file}" must be one of ${FILE_MODES.join(', ')}, not ${JSON.stringify(mode)}`);
    modes[repoPath(file, `${label}: "modes"`)] = found;
  }
  return modes;
}

function parseTag(value: Json, label: string, people: Map<string, DemoPerson>): DemoTag {
  const raw = object(value, `${label}: tag`);
  const name = refName(raw.name, `${label}: tag "name"`);
  const where = `${label}, tag "${name}"`;
  return {
    name,
    message: text(raw.message, `${where}: "message"`),
    tagger: person(raw.tagger, people, `${where}: "tagger"`),
    date: timestamp(raw.date, `${where}: "date"`),
  };
}

async function checkOverlayFolders(platform: DemoPlatform): Promise<void> {
  for (const component of platform.components) {
    for (const commit of component.commits) {
      if (!commit.overlayDir) continue;
      const info = await stat(commit.overlayDir).catch(() => undefined);
      if (!info?.isDirectory()) throw new DemoPlatformError(`${commit.label}: overlay folder ${commit.overlayDir} does not exist`);
    }
  }
}

function object(value: Json | undefined, where: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DemoPlatformError(`${where} must be an object`);
  return value;
}

function array(value: Json | undefined, where: string): Json[] {
  if (!Array.isArray(value)) throw new DemoPlatformError(`${where} must be a list`);
  return value;
}

function text(value: Json | undefined, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new DemoPlatformError(`${where} must be a non-empty string`);
  return value;
}

function person(value: Json | undefined, people: Map<string, DemoPerson>, where: string): DemoPerson {
  const id = text(value, where);
  const found = people.get(id);
  if (!found) throw new DemoPlatformError(`${where}: unknown person "${id}" (add it to "people")`);
  return found;
}

/** "2025-03-14T11:20:00+05:00": an explicit offset is required, so that the result never depends on the machine. */
function timestamp(value: Json | undefined, where: string): DemoTimestamp {
  const iso = text(value, where);
  const match = ISO_DATE.exec(iso);
  const epochMs = Date.parse(iso);
  if (!match || Number.isNaN(epochMs)) throw new DemoPlatformError(`${where}: "${iso}" is not an ISO 8601 date with an offset, e.g. 2025-03-14T11:20:00+05:00`);
  return { iso, epochSeconds: epochMs / 1000, offset: `${match[7]}${match[8]}${match[9]}` };
}

/** A branch or tag name that git accepts (a conservative subset of check-ref-format). */
function refName(value: Json | undefined, where: string): string {
  const name = text(value, where);
  const ok =
    /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(name) &&
    !name.includes('..') &&
    !name.includes('//') &&
    !/[./]$/.test(name) &&
    !name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'));
  if (!ok) throw new DemoPlatformError(`${where}: "${name}" is not a valid branch or tag name`);
  return name;
}

/** A relative path inside a repository or content folder, with "/" separators and no "..". */
function repoPath(value: Json | undefined, where: string): string {
  const p = text(value, where).replace(/\/+$/, '');
  const parts = p.split('/');
  if (p.startsWith('/') || parts.some((part) => part === '' || part === '.' || part === '..' || part === '.git') || /[\\\n\0"]/.test(p)) {
    throw new DemoPlatformError(`${where}: "${p}" is not a clean relative path`);
  }
  return p;
}
