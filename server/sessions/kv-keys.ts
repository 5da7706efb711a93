/**
 * Where sessions live in Redis and Vercel KV (Upstash): both adapters use this one layout, so a
 * deployment can move between them (or run both against one Redis) without a migration.
 *
 *   <p>session:<id>            hash  one field per Session property, each value JSON-encoded
 *                                    (so null, numbers and the options object round-trip)
 *   <p>turns:<id>              list  turn records (JSON without `seq` and `sessionId`): the
 *                                    element at index i is seq i + 1, the key names the session
 *   <p>turn-ids:<id>           hash  turn id -> seq (finds a turn for updateTurn)
 *   <p>client-ids:<id>         hash  candidate clientId -> seq (dedupes a retried send)
 *   <p>owner:<ownerId>:sessions  sorted set, every score 0, member `<createdAt>\0<id>`: read in
 *                                    reverse lexicographic order it is "newest first, then id
 *                                    descending", the same order as SQLite's index
 *   <p>grade:<id>              string  the latest Grade as JSON
 *   <p>share-tokens            hash  share token -> session id
 *   <p>share-of                hash  session id -> its current share token
 *   <p>lease:<id>              string  "<token> <holder>" of the live session lease, with a TTL
 *   <p>lease-token:<id>        counter  the latest lease token issued (fences turn writes)
 *   <p>grading-job:<id>        hash  the grading job: state, message, attempts, holder, updatedAt
 *   <p>grading-lease:<id>      string  the holder of a running job, with a TTL
 *   <p>grading-open            set  ids of queued or running jobs (what sweepers look at)
 *   <p>event-seq:<id>          counter  the last stream seq given out (session-event-relay.ts)
 *   <p>events:<id>             list  "<seq> <message JSON>", the latest stream messages, for
 *                                    resume on any instance; expires a day after the last one
 *   <p>counter:<name>          counter  a rate-limit or quota count, with a TTL
 *   <p>stream:<id>             pub/sub channel (Redis only) carrying the same entries
 *
 * `<p>` is the key prefix, `sparring:` by default; tests give each store its own prefix so it
 * starts empty. Only leases and event logs expire; nothing else is deleted. Scripts touch the owner index and share
 * hashes together with session keys, so the layout needs one primary (a Redis server with
 * replicas, or Upstash), not Redis Cluster.
 */
export type KvKeys = {
  session(id: string): string
  turns(id: string): string
  turnIds(id: string): string
  clientIds(id: string): string
  ownerSessions(ownerId: string): string
  grade(id: string): string
  shareTokens(): string
  shareOf(): string
  lease(id: string): string
  leaseToken(id: string): string
  gradingJob(id: string): string
  gradingLease(id: string): string
  gradingOpen(): string
  eventSeq(id: string): string
  events(id: string): string
  /** A rate-limit or quota counter (counter-store.ts), with a TTL. */
  counter(name: string): string
  streamChannel(id: string): string
  /** The pattern every stream channel matches (PSUBSCRIBE). */
  streamPattern(): string
}

export const DEFAULT_KV_PREFIX = 'sparring:'

export function createKvKeys(prefix: string = DEFAULT_KV_PREFIX): KvKeys {
  return {
    session: (id) => `${prefix}session:${id}`,
    turns: (id) => `${prefix}turns:${id}`,
    turnIds: (id) => `${prefix}turn-ids:${id}`,
    clientIds: (id) => `${prefix}client-ids:${id}`,
    ownerSessions: (ownerId) => `${prefix}owner:${ownerId}:sessions`,
    grade: (id) => `${prefix}grade:${id}`,
    shareTokens: () => `${prefix}share-tokens`,
    shareOf: () => `${prefix}share-of`,
    lease: (id) => `${prefix}lease:${id}`,
    leaseToken: (id) => `${prefix}lease-token:${id}`,
    gradingJob: (id) => `${prefix}grading-job:${id}`,
    gradingLease: (id) => `${prefix}grading-lease:${id}`,
    gradingOpen: () => `${prefix}grading-open`,
    eventSeq: (id) => `${prefix}event-seq:${id}`,
    events: (id) => `${prefix}events:${id}`,
    counter: (name) => `${prefix}counter:${name}`,
    streamChannel: (id) => `${prefix}stream:${id}`,
    streamPattern: () => `${prefix}stream:*`,
  }
}

/**
 * The owner-index member of a session. NUL sorts below every other character, so comparing
 * members compares createdAt first and the id only on a tie.
 */
export function toOwnerMember(session: { createdAt: string; id: string }): string {
  return `${session.createdAt}\u0000${session.id}`
}

/** The session id of an owner-index member (createdAt is an ISO time, so it holds no NUL). */
export function fromOwnerMember(member: string): string {
  return member.slice(member.indexOf('\u0000') + 1)
}
