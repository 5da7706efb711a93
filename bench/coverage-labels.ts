/**
 * Hand-labelled answers for the coverage benchmark: for each answer, the framework steps a human
 * reader judged it to cover. Every (answer, step) pair of the question is one labelled decision:
 * covered when the step is listed, not covered otherwise. Written as a candidate would talk,
 * mostly without the framework's own words.
 */
import { COVERAGE_LABELS_Q03_Q08 } from './coverage-labels-q03-q08.js'
import { COVERAGE_LABELS_Q09_Q15 } from './coverage-labels-q09-q15.js'

export type LabelledAnswer = { text: string; covers: number[] }

// Questions 1, 2 and 4: the first labelled set (177 pairs), on which the method was first tuned.
const COVERAGE_LABELS_FIRST: Record<string, LabelledAnswer[]> = {
  'the-architectural-time-bomb': [
    {
      text: "I'd start by writing down what I'm betting on: roughly 10k notifications a second at peak, a five person team that knows Node but not distributed systems, and about 50k a month of infrastructure budget.",
      covers: [1],
    },
    {
      text: 'Before committing I would build a thin prototype of the monolith path and hammer it with a load test at three times peak, watching p95 latency and when the connection pool runs dry.',
      covers: [2],
    },
    {
      text: 'I would also put the three options in a spreadsheet and price them at 10M, 50M and 100M users, including the engineer time each one needs.',
      covers: [2, 4],
    },
    {
      text: 'From day one I would track a handful of leading indicators: deploy failure rate, how long features take to ship, pool utilisation and on-call pages per week.',
      covers: [3],
    },
    {
      text: 'The costs nobody budgets are the people: microservices need two or three SREs, onboarding gets slower, and debugging across services takes hours instead of minutes.',
      covers: [4],
    },
    {
      text: 'If pool utilisation stays above 70 percent or deploy failures pass 10 percent for a quarter, that is my line to reopen the architecture decision.',
      covers: [5, 3],
    },
    {
      text: 'I would keep clean module boundaries inside the monolith so that, if it proves wrong, we can peel off the hottest module into its own service behind a queue.',
      covers: [6],
    },
    { text: "Honestly I just like Kafka, it's what Netflix uses and it scales.", covers: [] },
    {
      text: 'I would choose option b because microservices are the modern way to build things.',
      covers: [],
    },
    {
      text: 'The plan B is a strangler migration: route one notification type at a time to the new service and keep the old path as a rollback.',
      covers: [6],
    },
    {
      text: 'Our assumption about the team matters most: if hiring a senior distributed systems engineer takes six months, anything fancy is off the table.',
      covers: [1, 4],
    },
    { text: 'We should use TypeScript and write good tests.', covers: [] },
  ],
  'the-production-performance-mystery': [
    {
      text: 'My first guesses, most likely first: connection pool exhaustion under production load, a missing or unused index on the replica, reads going to a lagging secondary, and GC pauses in Node.',
      covers: [1],
    },
    {
      text: 'I would rule them out one at a time, starting with the cheapest check, and change only one thing per test.',
      covers: [2],
    },
    {
      text: 'Concretely I would run explain with executionStats on the production query and look at whether it is an IXSCAN or a COLLSCAN and how many documents were examined.',
      covers: [3],
    },
    {
      text: 'Then I would turn on the database profiler for slow operations and check serverStatus for the connection counts and queue lengths.',
      covers: [3],
    },
    {
      text: 'If the query itself is 5ms on the server but the app sees 2 seconds, the time is being spent before the query runs, so the problem sits in the app or the pool, not in Mongo.',
      covers: [4],
    },
    {
      text: 'After the fix I would watch p99 latency in production for a few days and run the load test again to make sure nothing else regressed.',
      covers: [5],
    },
    { text: 'I would just add more RAM to the database server.', covers: [] },
    { text: 'Probably the network is slow, I would call the ops team.', covers: [] },
    {
      text: 'To isolate the layer I would time each hop: the driver wait for a connection, the network round trip, and the server execution time from the profiler.',
      covers: [4, 3],
    },
    {
      text: 'Every hypothesis gets a concrete test, for example doubling maxPoolSize in staging under the same concurrency to see if the latency drops.',
      covers: [2],
    },
    { text: 'MongoDB is web scale so it should be fast anyway.', covers: [] },
  ],
  'the-payment-race-condition': [
    {
      text: 'The bug is that we write the order to the database and then call Stripe as two separate steps, so a timeout between them leaves us not knowing whether the card was charged.',
      covers: [1],
    },
    {
      text: 'I would pass an idempotency key derived from the order id on every Stripe call, so a retry can never charge the customer twice.',
      covers: [2],
    },
    {
      text: 'Inside our database I would write the order and an outbox row in one transaction, and a worker would pick up the outbox and make the Stripe call.',
      covers: [3],
    },
    {
      text: 'I would ship it behind a flag to 5 percent of traffic first, keep the old code path compatible, and have a one-click rollback.',
      covers: [4],
    },
    {
      text: 'For the orders already broken I would write a script that pulls the charges from Stripe for the affected window and matches them against our records, refunding duplicates.',
      covers: [5],
    },
    { text: 'We should just add a retry loop around the payment call.', covers: [] },
    { text: 'I would wrap everything in a try catch and log the error.', covers: [] },
    {
      text: 'Retries are only safe once the charge request is idempotent, so the same key must be reused for the whole lifetime of the order, not regenerated per attempt.',
      covers: [2],
    },
    {
      text: 'The canary would watch the double-charge rate and payment error rate, and roll back automatically if either moves.',
      covers: [4],
    },
    { text: 'Stripe is reliable so the issue must be on our side somewhere.', covers: [] },
  ],
}

/** Every labelled answer, by question id: all 15 questions of the bank. */
export const COVERAGE_LABELS: Record<string, LabelledAnswer[]> = {
  ...COVERAGE_LABELS_FIRST,
  ...COVERAGE_LABELS_Q03_Q08,
  ...COVERAGE_LABELS_Q09_Q15,
}
