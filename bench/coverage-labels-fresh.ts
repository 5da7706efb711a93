/**
 * A fresh labelled set, written and labelled after the coverage method and its activity words
 * were frozen (commit ced7a95), three answers per question. Nothing was tuned on it: it measures
 * how the method does on phrasings its author had not seen when writing the activity words.
 * Reported on its own by bench:coverage, never used to choose a constant.
 */
import type { LabelledAnswer } from './coverage-labels.js'

export const FRESH_COVERAGE_LABELS: Record<string, LabelledAnswer[]> = {
  'the-architectural-time-bomb': [
    {
      text: 'My working numbers are 50 million users, maybe 5% active at once, and a team that has never run Kafka in production.',
      covers: [1],
    },
    {
      text: 'Once a month I would review how long merges wait and how often the queue backs up, since those move before anything breaks.',
      covers: [3],
    },
    { text: 'Scalability is the most important thing in any system.', covers: [] },
  ],
  'the-production-performance-mystery': [
    {
      text: 'The candidates in my head are a saturated connection pool, the planner picking another index on production data, and replica lag.',
      covers: [1],
    },
    {
      text: 'When the numbers are back to normal I would keep an eye on p99 for a week and rerun the same load to be sure.',
      covers: [5],
    },
    { text: 'Mongo is not a good database, we should move to Postgres.', covers: [] },
  ],
  'the-monolith-technical-debt-dilemma': [
    {
      text: 'The saga sounds fast but the team would spend months chasing bookings stuck between steps, which nobody priced in.',
      covers: [3],
    },
    {
      text: 'If we start seeing lock timeouts every day, or bookings need an external call inside them, that is the moment to revisit.',
      covers: [6],
    },
    { text: 'Rails can handle anything if you write it well.', covers: [] },
  ],
  'the-payment-race-condition': [
    {
      text: 'The charge and the insert are not one unit of work, so a crash between them leaves the two systems disagreeing.',
      covers: [1],
    },
    {
      text: 'For last month I would pull every charge from Stripe, match it against our orders, and refund what has no order.',
      covers: [5],
    },
    { text: 'Payments are hard, we should hire a payments expert.', covers: [] },
  ],
  'the-graphql-n-1-mystery': [
    {
      text: 'I would record a trace in the browser and look at where the main thread is busy after the response lands.',
      covers: [2],
    },
    {
      text: 'Most of the missing seconds are probably the resolvers firing one query per order plus a huge JSON payload.',
      covers: [4],
    },
    { text: 'GraphQL is slow, REST would be faster.', covers: [] },
  ],
  'the-legacy-code-economics': [
    {
      text: 'Half of these rewrites never finish, and while we rewrite, competitors keep shipping features we are not.',
      covers: [2],
    },
    {
      text: 'Rather than rewrite it all, I would move the admin screens to the new stack first and see if the team is faster there.',
      covers: [3],
    },
    { text: 'Old code is bad code.', covers: [] },
  ],
  'the-microservices-coordination-nightmare': [
    {
      text: 'A distributed transaction with a coordinator would technically work, but a choreographed saga fails more gracefully.',
      covers: [2],
    },
    {
      text: 'I would create a team that owns the shared booking workflow and publishes the rules other services follow.',
      covers: [3],
    },
    { text: 'We need more microservices to split the load.', covers: [] },
  ],
  'the-15-minute-production-fire': [
    {
      text: 'Minute one, I check whether the spike lines up with the 4 pm deploy and whether all hosts show it.',
      covers: [1],
    },
    {
      text: 'I would tell the incident channel what we changed and keep watching until the error rate settles back to 0.3%.',
      covers: [4],
    },
    { text: 'Friday deploys are always a bad idea.', covers: [] },
  ],
  'the-tech-stack-tco-analysis': [
    {
      text: 'Adding it up: payroll, the AWS bill, recruiting fees and the cost of people leaving come to roughly $80M over five years.',
      covers: [1],
    },
    {
      text: 'From here I would keep the stack and spend on reserved capacity and better tooling rather than a migration.',
      covers: [4],
    },
    { text: 'Python is better than Node for everything.', covers: [] },
  ],
  'the-regret-retrospective': [
    {
      text: 'I chose a NoSQL store for our billing data because I assumed we would need to scale writes, and I did not ask anyone.',
      covers: [2],
    },
    {
      text: 'It cost us three months of migration work and two billing incidents that refunded about $40K.',
      covers: [3],
    },
    { text: 'Every decision teaches you something.', covers: [] },
  ],
  'the-jwt-race-condition-nightmare': [
    {
      text: 'Two tabs refresh at the same moment, the second rotation invalidates the token the first tab just received, and that tab gets logged out.',
      covers: [1],
    },
    {
      text: 'Whatever we pick, a reused token outside the short window must kill the whole session chain, otherwise we open a replay hole.',
      covers: [3],
    },
    { text: 'JWTs are the standard, so the library should handle it.', covers: [] },
  ],
  'the-zero-downtime-migration': [
    {
      text: 'The heavy copy runs from a snapshot over several days, table by table, and we compare counts when each finishes.',
      covers: [2],
    },
    {
      text: 'Every write goes to Postgres and the new cluster, and a nightly job diffs the two for mismatches.',
      covers: [4],
    },
    { text: 'Distributed databases are the future.', covers: [] },
  ],
  'the-feature-flag-recovery': [
    {
      text: 'We move from 1% to 5% to 25% over a week, never skipping a step.',
      covers: [2],
    },
    {
      text: 'Support gets a script and customers get an email before each step, so nobody hears about it from Twitter.',
      covers: [5],
    },
    { text: 'Flags are just booleans, nothing to worry about.', covers: [] },
  ],
  'the-api-versioning-challenge': [
    {
      text: 'For the first month the response keeps email and also carries primary_email, so old parsers keep working.',
      covers: [1],
    },
    {
      text: 'Around week nine, a request without a version gets the new shape, and we watch error rates from old clients closely.',
      covers: [3],
    },
    { text: 'Clients should update their code more often.', covers: [] },
  ],
  'the-cache-invalidation-crisis': [
    {
      text: 'Redis falls over because each update purges every local copy at once, so all ten servers stampede it at the same time.',
      covers: [1],
    },
    {
      text: 'A short expiry is the simplest and stays within the 30 seconds, while pub/sub is fresher but one more system to run.',
      covers: [3],
    },
    { text: 'Caching is hard, that is well known.', covers: [] },
  ],
}
