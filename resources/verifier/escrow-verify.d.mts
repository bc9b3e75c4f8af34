/**
 * Types of the stand-alone manifest verifier (escrow-verify.mjs), so the TypeScript core and the tests can
 * import it. The implementation is plain JavaScript with JSDoc and needs nothing but Node.
 */

/** Exactly one of `dir`, `archive` or `repo` (with `commit`). */
export interface TreeSource {
  /** A folder on disk. */
  dir?: string;
  /** A .tar, .tar.gz or .tgz file (gzip is recognised by its magic bytes). */
  archive?: string;
  /** Leading path segments to drop from archive entries, as `tar --strip-components`. Only with `archive`. */
  stripComponents?: number;
  /** A git repository: a bare one, or a folder with `.git`. */
  repo?: string;
  /** A commit id in `repo`, full or abbreviated hex. */
  commit?: string;
}

export interface ManifestSubject {
  /** `<component>@<ref>` */
  name: string;
  digest: {
    /** 64 lowercase hex digits: the escrow-tree-v1 digest without its `sha256:` prefix. */
    sha256: string;
    /** 40 (or 64) lowercase hex digits. */
    gitCommit: string;
  };
}

export interface VerificationCheck {
  /**
   * `manifest-signature`, `roster`, `trust-root` (only when pinned), `policy`, `signoff:<n>` (1-based),
   * `required-signoffs`, `separation-of-duties`, `open-findings`, `coverage`, `accepted-risks`, `tree-digest`.
   */
  name: string;
  ok: boolean;
  /** What was found; for a failure, every reason, separated by `; `. */
  detail: string;
}

export interface ManifestVerification {
  /** True when every check passed. */
  ok: boolean;
  /** The manifest's subject, or null when the manifest has none in the expected shape. */
  subject: ManifestSubject | null;
  /** keyid of the roster's genesis admin, or null when the roster has no valid genesis. */
  trustRoot: string | null;
  /** Every check, passed or not. */
  checks: VerificationCheck[];
  /** Notes that do not fail verification, e.g. `trust root not pinned`. */
  warnings: string[];
}

export interface VerifyOptions {
  /** keyid (64 hex digits) the roster's genesis must be signed with; adds the `trust-root` check. */
  trustRoot?: string;
  /** The time accepted risks must still be valid at; defaults to now. */
  at?: Date;
}

export interface TreeDigest {
  /** `sha256:<hex>` */
  digest: string;
  /** Records in the digest. */
  files: number;
  /** Content bytes of all records. */
  bytes: number;
  /** The resolved full commit id when read from a repository, else null. */
  commit: string | null;
}

/** Usage and input problems (arguments, unreadable or malformed files, unreadable trees): the CLI exits 1. */
export declare class VerifierInputError extends Error {
  constructor(code: 'USAGE' | 'INVALID_INPUT' | 'NOT_FOUND', message: string);
  readonly code: 'USAGE' | 'INVALID_INPUT' | 'NOT_FOUND';
}

/** Verifies a parsed manifest file (a DSSE envelope) against a tree. Throws VerifierInputError for bad input. */
export declare function verifyManifest(manifest: unknown, tree: TreeSource, options?: VerifyOptions): Promise<ManifestVerification>;

/** The checks alone, given the tree's digest (and the resolved commit for a repository); no I/O. */
export declare function checkManifest(manifest: unknown, tree: { digest: string; commit?: string | null }, options?: VerifyOptions): ManifestVerification;

/** The escrow-tree-v1 digest of a tree: `sha256:<hex>`. */
export declare function escrowTreeDigest(tree: TreeSource): Promise<string>;

/** The digest with its record count, content bytes and resolved commit. */
export declare function digestTree(tree: TreeSource): Promise<TreeDigest>;

/** RFC 8785 canonical JSON; throws TypeError for non-finite numbers, lone surrogates and non-JSON values. */
export declare function canonicalJson(value: unknown): string;

/** DSSE pre-authentication encoding: `DSSEv1 <len(type)> <type> <len(body)> <body>`. */
export declare function paeBytes(type: string, body: Buffer): Buffer;

/** Lowercase hex SHA-256 of a raw 32-byte Ed25519 public key. */
export declare function keyIdOf(rawPublicKey: Buffer): string;

/** Runs the command line with these arguments; resolves to the exit code (0, 1 or 3). */
export declare function main(args: string[], io?: { stdout(text: string): void; stderr(text: string): void }): Promise<number>;
