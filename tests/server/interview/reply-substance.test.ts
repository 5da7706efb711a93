import { describe, expect, it } from 'vitest'
import { judgeReply, listedTerms } from '../../../server/interview/reply-substance.js'
import { CANDIDATE_SCRIPTS } from '../../../bench/interviewer/candidate-scripts.js'

describe('listedTerms', () => {
  it.each([
    [
      'Monitoring, dashboards, canary, rollback…',
      ['Monitoring', 'dashboards', 'canary', 'rollback'],
    ],
    [
      'I would use monitoring, dashboards, canary and rollback',
      ['monitoring', 'dashboards', 'canary', 'rollback'],
    ],
    ['Hidden costs: hiring, on-call load and tooling.', ['hiring', 'on-call load', 'tooling']],
    [
      'TTL, pub/sub, versioned keys / jitter, Redis.',
      ['TTL', 'pub/sub', 'versioned keys', 'jitter', 'Redis'],
    ],
    [
      '- idempotency keys\n- outbox\n- reconciliation',
      ['idempotency keys', 'outbox', 'reconciliation'],
    ],
  ])('reads "%s" as a bare list', (reply, terms) => {
    expect(listedTerms(reply)).toEqual(terms)
    expect(judgeReply(reply)).toBe('keyword-list')
  })

  it('does not take prose with commas for a list', () => {
    for (const reply of [
      "First I'd check the slow query log, then the connection pool, then the index usage with explain().",
      'The hidden costs are the operational overhead of running many services, the hiring constraints of a rare stack, and the cognitive load on a small team.',
      'Redis for the hot keys, Postgres as the source of truth and Kafka between them, because replays matter here.',
      // Short parts, one of them a clause giving a reason or a condition.
      'Teams need published, versioned API contracts and consumer-driven contract tests, otherwise every change breaks someone downstream.',
      'Canary, dashboards, rollback, because errors may spike.',
      'Kafka, outbox, retries, since the network drops messages.',
      'Indexes, connection pool, replica lag, or else the planner.',
    ]) {
      expect(listedTerms(reply), reply).toBeNull()
    }
  })

  it('reads every scripted keyword dump as a list and no scripted step answer as one', () => {
    for (const script of CANDIDATE_SCRIPTS) {
      expect(listedTerms(script.keywords), script.keywords).not.toBeNull()
      for (const answer of Object.values(script.steps)) {
        expect(judgeReply(answer), answer).toBe('substantive')
      }
    }
  })
})

describe('judgeReply', () => {
  it.each([
    ["I'm not sure, it depends.", 'evasive'],
    ['No idea, honestly. Can we move on?', 'evasive'],
    ["I'd add monitoring.", 'thin'],
    [
      'I would put an idempotency key on every charge, derived from our payment id, so a retry returns the first charge.',
      'substantive',
    ],
  ])('"%s" is %s', (reply, substance) => {
    expect(judgeReply(reply)).toBe(substance)
  })
})
