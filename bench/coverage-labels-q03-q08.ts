/**
 * Hand-labelled answers for questions 3 and 5 to 8 (see coverage-labels.ts for the format).
 * Written and labelled before any tuning of the coverage map on them: each answer is what a
 * candidate might say, often covering a step in words far from the step's own, with some that
 * cover nothing (vague, keyword lists, off topic) and some that name a step only to dismiss it.
 */
import type { LabelledAnswer } from './coverage-labels.js'

export const COVERAGE_LABELS_Q03_Q08: Record<string, LabelledAnswer[]> = {
  // 1 constraints, 2 options analysis, 3 hidden costs, 4 hybrid, 5 success metrics, 6 escalation
  'the-monolith-technical-debt-dilemma': [
    {
      text: "Before picking anything I'd pin down what we're working with: two weeks to ship, four developers of whom two are junior, no message queue in place, and a CTO who says no debt but will probably accept some if we justify it.",
      covers: [1],
    },
    {
      text: 'Going through the three: a plain transaction ships in three or four days and juniors can write it, the saga takes more like ten days and needs people who have debugged distributed failures, and carving out a service is a month at least and very hard to undo.',
      covers: [2],
    },
    {
      text: 'What nobody puts in the estimate for the saga is the on-call side: stuck sagas, compensations that fail halfway, and a couple of months of incidents while the team learns it.',
      covers: [3],
    },
    {
      text: 'With the transaction the cost hides in lock contention: at ten times our current bookings the rows for popular services become a hot spot and we start seeing deadlocks.',
      covers: [3],
    },
    {
      text: 'My pick is to wrap the three writes in one transaction now, but put them behind a BookingService interface so that if we later need a saga we swap the implementation without touching the controllers.',
      covers: [4],
    },
    {
      text: "Six months in I'd look at p95 booking latency, how many bookings ended half-done, deadlock counts in the Postgres logs, and how long the next feature in that area took to build.",
      covers: [5],
    },
    {
      text: 'If booking latency goes past a second at p95, or we see more than a handful of deadlocks a day, or we need to call the payment provider inside the booking, that is when we refactor to the saga.',
      covers: [6],
    },
    {
      text: 'Microservices are the future, so I would move booking into its own service with Kafka and event sourcing.',
      covers: [],
    },
    {
      text: "Technical debt is bad and we should avoid it, so I'd make sure to write clean code and good tests.",
      covers: [],
    },
    {
      text: 'The middle ground is the transaction plus an outbox table for anything that leaves the database, and the team agrees up front on the numbers that would make us revisit it.',
      covers: [4, 6],
    },
    {
      text: 'Reversibility matters most to me: the transaction is the only one of the three we can back out of in a day, which at four developers outweighs the latency.',
      covers: [2],
    },
  ],
  // 1 layer isolation, 2 tool application, 3 hypothesis testing, 4 root cause
  'the-graphql-n-1-mystery': [
    {
      text: 'The 200 ms is only what the server spends; the other 2.8 seconds is somewhere between the socket and the pixels, so I want to split the time into server, wire and browser first.',
      covers: [1, 4],
    },
    {
      text: "I'd open DevTools, look at the network waterfall for the request's download size and timing, then record a performance profile to see how long scripting and rendering take.",
      covers: [2],
    },
    {
      text: 'On the server I would switch on Apollo tracing so every resolver gets a timing, which shows whether orders fire a hundred separate item lookups.',
      covers: [2],
    },
    {
      text: 'To test each suspect alone I would replay the same query with curl to get pure server plus network time, then load the page from a saved response to measure only the front end.',
      covers: [3],
    },
    {
      text: 'My bet is that the gap comes from the resolvers running one database query per order, plus a five megabyte response that the phone spends over a second parsing.',
      covers: [4],
    },
    {
      text: 'GraphQL, DataLoader, caching, CDN, React, performance.',
      covers: [],
    },
    {
      text: 'I would just upgrade the servers to bigger instances, the backend must be struggling.',
      covers: [],
    },
    {
      text: 'Mobile users on slower phones spend a second or two just evaluating the JavaScript bundle, so I would check how much of it is even used on that page.',
      covers: [4],
    },
    {
      text: "I'd change one thing at a time: first paginate the orders to ten and see if the page gets faster, then lazy load the recommendations and measure again.",
      covers: [3],
    },
    {
      text: 'If the browser shows the response arriving at 400 ms but the page only becomes usable at 3 seconds, the backend is off the hook and it is a front-end problem.',
      covers: [1],
    },
  ],
  // 1 true cost, 2 risk analysis, 3 hybrid alternatives, 4 breakeven math
  'the-legacy-code-economics': [
    {
      text: "The quoted $2M is only the start: add the revenue we lose while ten people freeze features for six months, running both systems during the switch, and retraining, and it's more like $4-5M.",
      covers: [1],
    },
    {
      text: 'Industry numbers say a third to half of big rewrites fail or get abandoned, and a ten-year-old system has years of edge cases nobody wrote down, so I would price in a real chance we end up with two half-working systems.',
      covers: [2],
    },
    {
      text: "Instead of a big bang I'd modernise the parts that hurt: put a new Next.js front end on the pages that change most, and pull out one service at a time where there is a clear reason.",
      covers: [3],
    },
    {
      text: 'If the rewrite saves us about $500K a year in maintenance and we spend $4M on it, we only get our money back after eight years, which is longer than the new stack will stay new.',
      covers: [4],
    },
    {
      text: 'Rails is old and nobody wants to work on it, so we should rewrite to attract talent.',
      covers: [],
    },
    {
      text: 'Today the system costs us roughly the salaries of the ten engineers plus hosting, call it $2.5M a year, and it brings in $50M, so it is not broken.',
      covers: [1],
    },
    {
      text: 'The scary part is the unknown: every month of delay on the rewrite costs us feature work, and if a key engineer leaves midway the whole thing can stall.',
      covers: [2],
    },
    {
      text: "The point where a rewrite pays off is when the yearly savings times the years we'd keep it exceed the all-in cost including the risk; with these numbers that point never arrives inside five years.",
      covers: [4],
    },
    {
      text: 'The strangler fig approach lets us route new endpoints to new code while the monolith keeps making money.',
      covers: [3],
    },
    {
      text: "I'm not going to do a detailed risk analysis, I just trust the team's gut that a rewrite is the right call.",
      covers: [],
    },
  ],
  // 1 root cause diagnosis, 2 technical options, 3 organizational fix, 4 recommendation
  'the-microservices-coordination-nightmare': [
    {
      text: 'We got here because every team was allowed to spin up a service whenever they wanted and nobody owned the boundaries, so the split follows the org chart rather than the business.',
      covers: [1],
    },
    {
      text: 'Two-phase commit across six services would lock everything and a single slow participant stalls the booking, so I would rule it out; a saga with compensating steps fits better.',
      covers: [2],
    },
    {
      text: 'Another choice is to merge the payment, hold and account databases, since those three change together anyway, and keep the rest asynchronous.',
      covers: [2],
    },
    {
      text: "I'd set up a small platform group that owns the orchestration library and the contracts between services, and new services go through a lightweight design review.",
      covers: [3],
    },
    {
      text: 'Realistically we cannot reorganise 40 teams in a quarter, so I would use an orchestrated saga for the booking now, owned by the rides team, and consolidate the money services over the next year.',
      covers: [4],
    },
    {
      text: 'Kubernetes, Istio, service mesh, gRPC.',
      covers: [],
    },
    {
      text: 'Microservices are great because each team is independent.',
      covers: [],
    },
    {
      text: 'The telltale sign of bad boundaries is that one feature needs six services: the booking should have lived in one place from the start, and the services were cut by technical layer instead of by domain.',
      covers: [1],
    },
    {
      text: 'Teams need published, versioned API contracts and consumer-driven contract tests, otherwise every change breaks someone downstream.',
      covers: [3],
    },
    {
      text: "Given the politics, I would not ask anyone to give up their service; I'd pitch the saga as a shared library teams opt into, and measure failed bookings to justify the merge later.",
      covers: [4, 3],
    },
  ],
  // 1 confirm symptom + recent deploys, 2 diagnose, 3 fix, 4 verify + communicate
  'the-15-minute-production-fire': [
    {
      text: 'First two minutes: check the error dashboard to make sure the spike is real and not one noisy host, and look at what shipped in the last hour, since the deploy thirty minutes ago is the obvious suspect.',
      covers: [1],
    },
    {
      text: 'Then I would grep the logs around the first timeouts, look at how many connections the pool has checked out and for how long, and run pg_stat_activity to see what the database is waiting on.',
      covers: [2],
    },
    {
      text: 'If the deploy changed anything touching the database, the fastest safe move is to roll it back rather than hotfix on a Friday evening.',
      covers: [3],
    },
    {
      text: 'After the rollback I watch the error rate come back under half a percent for a few minutes and post in the incident channel what happened, what we did and when the next update comes.',
      covers: [4],
    },
    {
      text: 'I would restart all the servers and hope it goes away.',
      covers: [],
    },
    {
      text: 'A leaked connection is my main theory: the new code probably opens a transaction and returns early without releasing the client, so the pool drains under load.',
      covers: [2],
    },
    {
      text: "If rolling back isn't possible because of a migration, I'd bump the pool size and the statement timeout as a stopgap and fix the leak on Monday.",
      covers: [3],
    },
    {
      text: 'Let support and the on-call manager know within the 15 minutes, even if the answer is that it is mitigated but not understood yet.',
      covers: [4],
    },
    {
      text: 'Logs, metrics, SSH, confidence.',
      covers: [],
    },
    {
      text: 'Is it really 0.1% of users or is one big customer failing? I would slice the errors by customer and endpoint before anything else.',
      covers: [1],
    },
  ],
}
