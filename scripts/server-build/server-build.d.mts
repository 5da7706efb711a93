/** Types of server-build.mjs (plain JavaScript so that `npm start` needs no TypeScript loader). */

export declare const SERVER_OUT_DIR: string
export declare const SERVER_ENTRIES: Readonly<Record<string, string>>

export type ServerBuildStamp = {
  version: 1
  hash: string
  esbuild: string
  /** Module-graph files outside node_modules, relative to the root, '/'-separated. */
  moduleFiles: string[]
}

/** Why a rebuild is needed, or null when the bundle matches its sources. */
export type ServerStaleReason = 'no_build' | 'bad_stamp' | 'sources_changed' | null

export declare function hashServerBuildInputs(root: string, moduleFiles: readonly string[]): string
export declare function serverBuildStaleReason(root: string, outDir?: string): ServerStaleReason
export declare function buildServer(root: string, outDir?: string): Promise<ServerBuildStamp>
export declare function ensureServerBuild(
  root: string,
  log: (line: string) => void,
  outDir?: string,
): Promise<boolean>
