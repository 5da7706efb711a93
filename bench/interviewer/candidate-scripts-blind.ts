/**
 * A held-out second set of simulated-candidate scripts, one per question of the bank.
 *
 * Written blind on 2026-12-03 (21:45-22:05 UTC) by the "blindscripts" helper session (issue 9,
 * deliverable 3): its author had read only the question bank (questions/*.md) and the
 * QuestionScript type with the first entry of candidate-scripts.ts, and none of the interviewer
 * or coverage code, the coverage labels or the recorded benchmark figures. Each step answer was
 * written to do that framework step and no other, in a candidate's own words (first person, far
 * from the step's and the model answer's wording); styles vary on purpose (terse, rambling but
 * on point, "first / second", a timeline, a story).
 *
 * NEVER TUNE ON THIS FILE. Its figures are only honest while nothing in the interviewer, the
 * coverage map or their thresholds has been changed to fit them: run it, report what it gives,
 * and do not edit these texts to move a figure (fix a factual slip only, and say so in the
 * commit). Clarification facts are exact substrings of the question's prompt, scenario or
 * requirements, or null when the scenario does not say.
 */
import type { QuestionScript } from './candidate-scripts.js'

export const BLIND_CANDIDATE_SCRIPTS: QuestionScript[] = [
  {
    // Structured, one point at a time.
    questionId: 'the-architectural-time-bomb',
    steps: {
      1: 'Before I pick anything, here is what I am taking as given. Roughly 50 million accounts with maybe a third active on a given day, four to six pushes each, so around 15k sends a second with bursts near 60k during live events; six backend engineers, none of whom has run Kafka in anger; and finance tolerating about $80k a month. If any of those turn out different, my pick changes with them.',
      2: 'Then I would spend three weeks de-risking before we commit. We build a thin spike of the fan-out path for the two front-runners, hammer it with synthetic traffic at three times the burst rate, and price each one in a spreadsheet at 50 and 100 million users. I would also have two of our own engineers run the spike for a week and tell me honestly whether they could carry the pager for it.',
      3: 'Once it is live, I want a small dashboard of drift signals in front of the team from week one: consumer lag in seconds, p99 time from event to device, spend per thousand notifications, how many days a change touching two teams takes to merge, and pages per week. None of those is an outage by itself; they move months before one happens.',
      4: "The bill people forget is not the servers. Option (c) probably needs two more SREs at about $200k each, licences for tracing and the event store's tooling, a four to six month search for anyone who has actually done event sourcing, and new hires needing a quarter instead of a month before they ship. Put those next to the AWS line and they can easily double the gap between the three.",
      5: 'I would write the tripwires down now, while nobody is emotionally attached to the design: p99 delivery over three seconds for four weeks running, spend per user up more than 25% in a quarter, or lead time for a change doubling. Any one of them books a formal rethink of the design, rather than a hallway debate about whether we need one.',
      6: 'And if we do have to walk away from it, the escape route is planned up front. Every producer talks to one notification API that we own, so behind it I can stand up the replacement, shadow real traffic into it, and move channel by channel, SMS first and push last, with the old path kept warm for a month.',
    },
    keywords:
      'Assumptions, load simulation, cost model, leading indicators, operational overhead, hiring constraints, thresholds, reversibility, migration path.',
    clarifications: [
      {
        ask: 'Can each of the three options actually get us to 100 million users?',
        fact: 'Each scales to 100M users',
      },
      {
        ask: 'How many backend engineers do we have today?',
        fact: null,
      },
      {
        ask: 'How long would it take before we found out the choice was a mistake?',
        fact: 'We Won’t Know It For 18 Months',
      },
    ],
  },
  {
    // Terse.
    questionId: 'the-production-performance-mystery',
    steps: {
      1: 'My ranked list, likeliest first: reads going to a lagging secondary; a starved driver pool, so the query waits for a socket; the planner picking another index or a cached bad plan. Less likely: huge production documents that are slow to deserialise, or a long operation holding a lock. Last: per-request DNS or TLS handshakes, and CPU steal on the host.',
      2: 'I knock them out cheapest first, one at a time, each with a yes or no answer. Force readPreference primary on one pod: if latency drops, it was the secondary. Double maxPoolSize on one canary: if p99 moves, it is the pool. Fetch the same user with a projection of just _id: if that is fast, it is document size. I do not touch the next suspect until the current one is ruled in or out.',
      3: "What I actually run: explain('executionStats') against production, checking totalDocsExamined against nReturned and IXSCAN versus COLLSCAN. db.setProfilingLevel(1, { slowms: 100 }), then read system.profile. db.serverStatus().connections plus the driver's connectionCheckOutStarted events. mtr from the app host to the primary.",
      4: "Then I place it. The profiler says the server spent 3 ms on the find. The app span says 2,000 ms. So Mongo and the wire are cleared; the checkout events show 1.9 s waiting for a connection, which puts the problem in our process's pool, not the network and not the database.",
      5: "After the change: watch p99 of that call through a full peak day, expecting under 20 ms. Check the primary's connection count and CPU did not jump because we opened more sockets. Rerun the load test at twice peak so we know we did not just move the queue somewhere else.",
    },
    keywords:
      'Replica lag, read preference, connection pool, explain, executionStats, profiler, index, mtr, root cause, verify.',
    clarifications: [
      {
        ask: 'Is the network between the app servers and the database slow?',
        fact: 'Network latency is acceptable (< 50ms to database)',
      },
      {
        ask: 'Are the indexes the same locally and in production?',
        fact: 'Your database has identical indexes in both environments',
      },
      {
        ask: 'How many documents does the production users collection hold compared with my laptop?',
        fact: null,
      },
    ],
  },
  {
    // Rambling, but each answer stays on its step.
    questionId: 'the-monolith-technical-debt-dilemma',
    steps: {
      1: 'So, what am I actually boxed in by here. Fourteen calendar days, four people of whom two are juniors who have probably never written a compensating action, a Rails app with no broker anywhere in the stack as far as I know, and a CTO who has said out loud that we take on no more debt. Honestly the tightest limit is the juniors, because whatever we pick, they are the ones carrying the pager for it in three months.',
      2: 'Let me put the four side by side on the same yardsticks. A plain database transaction is maybe three days of work, trivially undone later, and the juniors can own it; a saga is closer to two weeks plus compensation code nobody here has written; splitting out a service blows the deadline at three to six weeks; and a queue makes it async, which sounds nice until you notice we would be standing up brokers and tracing from scratch.',
      3: "The things that will not show up in anybody's estimate, though. With the transaction it is row locks on the availability table when bookings spike, and the temptation for someone to slip an HTTP call inside the block a year from now. With a saga it is support tickets for half-finished bookings and an on-call runbook nobody has written. A new service means another deploy pipeline, another dashboard, another thing to page on, which I would guess is a day a week of someone's time forever.",
      4: 'What I would actually ship is the transaction, but wrapped so it can grow up. The three writes sit behind one BookingService with a single entry point, we write an event row in the same commit, and if we later need to peel the order part into its own service, the callers never notice. Product gets it in two weeks, and the CTO gets a seam instead of a tangle.',
      5: 'Six months in, I would judge the call on numbers rather than how people feel about it: booking p95 under 800 ms, zero bookings with a debit but no order in the weekly check, fewer than one page a month on that path, and whether a new developer can change the flow in under a day. If those hold, we chose right.',
      6: "And I would agree in advance what makes us revisit it. If bookings pass roughly 50 a second and lock waits start showing in p95, or a second feature needs to reach into the same three tables, that is when the extraction gets scheduled, and it goes on the roadmap with the CTO's name on it rather than arriving as a surprise.",
    },
    keywords:
      'Transactions, saga, compensation, microservice, queue, latency, team skill, technical debt, metrics, refactor.',
    clarifications: [
      {
        ask: 'How long does the team have to ship this?',
        fact: 'Feature must ship in 2 weeks',
      },
      {
        ask: 'How many of the developers are junior?',
        fact: 'We have 4 developers (2 juniors)',
      },
      {
        ask: 'Do we already run a message broker, Sidekiq or Kafka or anything?',
        fact: null,
      },
    ],
  },
  {
    // Structured "first / second".
    questionId: 'the-payment-race-condition',
    steps: {
      1: 'First, what actually goes wrong. We write the charge row and call Stripe as two separate acts with nothing tying them together, so a pod restart or a 30-second Stripe timeout between them leaves one side done and the other not, and our retry wrapper re-runs the whole function, which gives us the reverse case too. I would confirm that by lining the 0.01% up against deploy times and Stripe timeout logs before changing a line.',
      2: 'Second, make the Stripe call safe to repeat. Every charge carries a key derived from our order ID, not a fresh random value per attempt, sent in the Idempotency-Key header, so however many times a retry fires, Stripe hands back the same charge instead of billing the card twice.',
      3: "Third, stop making the external call from the request's happy path. In one Postgres transaction I insert the payment row as pending together with an outbox row saying 'charge this'; a worker picks outbox rows up, calls Stripe, and marks the payment settled. Either both rows exist or neither does, so 'recorded but never sent' can no longer happen.",
      4: 'Fourth, getting it out with no outage. The new path sits behind a flag and the schema change is additive only, a nullable column and a new table, so old and new code run side by side. We send 1% of charges through the worker for an hour, watch the charge error rate, go to 10, 50 and 100, and turning the flag off routes everything back to the old path in seconds.',
      5: "Last, the damage already done. A job pulls the last 90 days of charges from Stripe's list API, joins them to our payment rows by order ID, and sorts mismatches into two piles: charged but not recorded gets its row written, recorded but never charged gets retried or voided, and finance signs off anything above $1,000.",
    },
    keywords:
      'Idempotency key, outbox, transaction, retries, feature flag, canary, rollback, backward compatible, reconciliation, Stripe.',
    clarifications: [
      {
        ask: 'What does an hour of downtime cost us?',
        fact: 'costs $200K/hour',
      },
      {
        ask: 'How long a window do we get for changes that have to go out together?',
        fact: 'Only 30 minutes of coordinated changes possible',
      },
      {
        ask: "Are we on Stripe's PaymentIntents API or the older Charges API?",
        fact: null,
      },
    ],
  },
  {
    // Rambling, thinking aloud.
    questionId: 'the-graphql-n-1-mystery',
    steps: {
      1: "The thing that jumps out is that 200 ms is what the server sees and three seconds is what the person sees, so about 2.8 seconds lives somewhere the server's numbers cannot reach. I would split the user's wait into three buckets: until the response starts arriving, downloading it, and the browser turning it into a page, and then work out which of those is the fat one before guessing at anything.",
      2: "To get those numbers I would open Chrome DevTools with a throttled mid-range phone profile. The Network panel gives me the waterfall and the transfer size of the GraphQL response, the Performance panel shows the long tasks from parsing and rendering, and I would switch on Apollo's tracing extension so each resolver's start offset and duration come back inside the response itself.",
      3: 'Then I would try each suspect on its own. Replay the exact query with curl from the same region and time it end to end: if that takes two seconds, it is the server after all, just not in the figure we were shown. Save the JSON and load the page from a static file, which takes the API out completely and leaves only render cost. And drop the recommendations field to see what those 50 extra items cost.',
      4: 'My bet on where the 2.8 seconds actually goes: the orders resolver fires one SQL query per order for its line items, a hundred sequential round trips that the request-level P95 never shows because most requests do not load a profile page, plus a payload of around 1.5 MB that the client parses on the main thread. Batching those lookups with DataLoader and paging orders at 20 should take most of it away.',
    },
    keywords:
      'N+1, DataLoader, payload size, bundle size, resolver waterfall, DevTools, Apollo tracing, rendering.',
    clarifications: [
      {
        ask: 'How many orders does the profile query pull back?',
        fact: 'fetches user profile with 100 orders and 50 recommendations',
      },
      {
        ask: 'What do the backend numbers say right now?',
        fact: 'Backend metrics look great (P95: 200ms)',
      },
      {
        ask: 'Are the slow loads mostly on mobile or on desktop?',
        fact: null,
      },
    ],
  },
  {
    // Terse, numbers first.
    questionId: 'the-legacy-code-economics',
    steps: {
      1: 'Keeping it: ten people at roughly $170k loaded is $1.7M a year, plus maybe $300k of hosting. Replacing it: the quoted $2M, but normal overrun puts it at $3-4M, and while it runs those same ten people are mostly not shipping features on a $50M business. That lost roadmap is the biggest line on the sheet.',
      2: 'Then the odds. Something like a third to a half of full rewrites fail or badly overrun. With $50M a year flowing through this code, even a 5% revenue dip during a shaky switchover is $2.5M. Weighted, I would carry an expected cost well above the quote.',
      3: 'Instead: keep the Rails core and carve out only what hurts. A strangler proxy in front, move the one or two modules that block hiring or scaling into services, upgrade Rails and Ruby in place. Maybe $400-600k over two quarters, shippable in slices.',
      4: 'The arithmetic: about $4M in all-in. If the new stack saved 20% of engineering time, that is roughly $350k a year, so payback takes 11-12 years. It only pays for itself inside three years if the rewrite unlocks over $1.3M a year of new revenue or savings. I have not seen that case made, so I keep it.',
    },
    keywords:
      'TCO, rewrite risk, strangler fig, incremental modernization, ROI, breakeven, payback period.',
    clarifications: [
      {
        ask: 'What does the team think the rewrite will cost?',
        fact: 'Estimated cost: 6 months, $2M',
      },
      {
        ask: 'How much revenue runs through the monolith?',
        fact: 'makes $50M/year',
      },
      {
        ask: 'What is the current yearly hosting bill?',
        fact: null,
      },
    ],
  },
  {
    // Structured "first / second".
    questionId: 'the-microservices-coordination-nightmare',
    steps: {
      1: "First, how this happened. We split by team rather than by business capability, so every team drew its own line and got its own database; nobody owned the seams between them, and nothing stopped a service from quietly depending on another's data. A ride booking is one business action, and we smeared it across six owners.",
      2: 'Second, the mechanisms on the table. Two-phase commit across six databases gives true all-or-nothing but freezes everyone when the coordinator stalls; an orchestrated saga with compensating steps, refund, release the hold, unassign the driver, is eventually consistent and survives partial failure; merging payment and hold into one store removes two of the six hops; and a consensus layer is overkill here.',
      3: 'Third, the people side. I would stand up a small platform group that owns the workflow engine and the event bus, require versioned, written contracts between services with consumer-driven tests in CI, and hold a lightweight design review, an hour a week, that any change crossing three or more services has to pass.',
      4: 'So what I would actually do, given forty teams who will not all move at once: a saga driven by a single orchestrator owned by the rides team, built on Temporal, with the debit and the hold merged into the payments service this quarter, and the notification sent last as fire-and-forget. We do not fix all 40 services; we fix this flow and make it the template.',
    },
    keywords:
      'Saga, two-phase commit, compensating transactions, bounded contexts, platform team, API contracts, architecture review, orchestration.',
    clarifications: [
      {
        ask: 'How many services does a booking touch?',
        fact: 'This touches 6 services',
      },
      {
        ask: 'Do the services share a database, or does each have its own?',
        fact: '40 independent teams, 40 services, 40 databases',
      },
      {
        ask: 'How many ride bookings a second are we talking about at peak?',
        fact: null,
      },
    ],
  },
  {
    // A clock-time log of the fifteen minutes.
    questionId: 'the-15-minute-production-fire',
    steps: {
      1: 'From 4:30 to about 4:33 I make sure it is real and find what changed. The error dashboard shows the climb from 0.3 to 2.5% starting at 4:02, two minutes after the 4:00 release, and the errors are all the same pool timeout from one service. That is enough to treat the release as the lead suspect.',
      2: 'The next four minutes go on why the pool is empty. I grep the logs for the slowest queries since 4:00, look at pg_stat_activity for connections sitting idle in transaction, and read the release diff for anything touching database access. A new code path holding a connection open across an HTTP call would explain it.',
      3: 'Around 4:37 I decide. Reverting a thirty-minute-old release is the fastest safe move, so I roll back rather than hotfix on a Friday afternoon; raising the pool size would just move the pile-up onto Postgres.',
      4: 'Last stretch: I watch the error rate fall back under 0.5% and active connections drain over a couple of minutes. Then I post in the incident channel what happened, that release 2.45 is reverted, roughly 5,000 users were hit, next update at 5:15, and the real fix goes through review on Monday.',
    },
    keywords:
      'Rollback, connection pool, logs, recent deploy, hotfix, error rate, incident channel, postmortem.',
    clarifications: [
      {
        ask: 'When did the last deploy go out?',
        fact: 'Recent deploy 30 minutes ago',
      },
      {
        ask: 'What exactly does the error say?',
        fact: 'Database connection pool exhausted',
      },
      {
        ask: "What is the pool's maximum size right now?",
        fact: null,
      },
    ],
  },
  {
    // Rambling, thinking through the numbers aloud.
    questionId: 'the-tech-stack-tco-analysis',
    steps: {
      1: 'OK, so adding it all up over five years. Payroll is the monster: say 40 engineers at $200k is $8M a year, $40M over five. AWS at $6M a year is another $30M. Then churn: with only 40% happy I would guess 20% attrition a year, each replacement maybe $60k in recruiting and ramp-up, so another couple of million, plus observability and CI tooling around $1M. Call it roughly $73M all in.',
      2: 'Now the road not taken. The same 40 engineers at $170k saves $6M over five years. Self-hosted Postgres on our own hardware might run $3M a year instead of six, but you add maybe four ops people at $180k, so the net saving there is around $11M. On paper that lands somewhere near $56M against our $73M.',
      3: 'But that table misses things. The JavaScript hiring pool is enormous, we probably shipped the first product four months sooner with one language front to back, and that early speed may well be what got us to $50M. On the other side, 40% satisfaction is a real problem: unhappy engineers leave, and the people who leave take the context with them.',
      4: 'So what do I do now? Not a rewrite. I would go after the AWS bill first, reserved instances and right-sizing could cut 25-30%, around $1.5M a year; move the genuinely relational parts to Postgres gradually where Mongo hurts; and run a proper survey to find out what is behind that 40% before spending on anything else.',
    },
    keywords:
      'TCO, salaries, AWS, turnover, opportunity cost, hiring pool, self-hosted, reserved instances.',
    clarifications: [
      {
        ask: 'What do we spend on AWS each year?',
        fact: 'AWS costs $6M/year',
      },
      {
        ask: 'How many of the 100 employees are engineers?',
        fact: null,
      },
      {
        ask: 'What is the salary gap between Node and Python engineers?',
        fact: 'Node engineers cost $200K (vs Python $170K)',
      },
    ],
  },
  {
    // A personal story told in order.
    questionId: 'the-regret-retrospective',
    steps: {
      1: 'This was 2021 at a freight-logistics company of about 25 engineers, and I led the shipment-tracking backend. We were about to sign a carrier that would triple our tracking events to roughly 4,000 writes a second, and the contract had a go-live date eight weeks out.',
      2: 'I decided to move tracking events off Postgres onto Cassandra. My reasoning was write throughput, and never having to shard Postgres by hand; I benchmarked it for a week and pushed it through design review mostly on my own conviction.',
      3: "It cost us. The move took 14 weeks instead of 6, we missed the carrier's date by a month, and every new report operations asked for took two or three weeks because each query needed its own table. Two incidents in the first quarter came from repair jobs we did not understand, one of them five hours of stale tracking for every customer.",
      4: 'Looking back, Cassandra was not really the problem. I decided on the one number I had measured, write rate, and never wrote down how the data would be read; Postgres with partitioning would have handled 4,000 writes a second. And I was the only one who had used Cassandra, so nobody in the room could push back.',
      5: 'What I do differently now: every storage choice on my teams needs a one-page doc listing the top ten read queries, and a second engineer whose job is to argue for the boring option. We have run that on four decisions since, and twice the boring option won, including staying on Postgres for event history at my current company.',
    },
    keywords: 'Situation, decision, impact, root cause, lessons learned, behavior change.',
    clarifications: [
      {
        ask: 'Does it have to be a decision I made myself, rather than one my team made?',
        fact: 'Major Technical Decision You Made That You Regret',
      },
      {
        ask: 'What kinds of decisions count: could it be picking a library?',
        fact: 'architecture, library choice, refactoring strategy',
      },
      {
        ask: 'How far back can the story go?',
        fact: null,
      },
    ],
  },
  {
    // Structured "first / second".
    questionId: 'the-jwt-race-condition-nightmare',
    steps: {
      1: "First, why it happens. When the 15-minute token lapses, a page usually has four or five calls in flight; each gets a 401 and each posts the same refresh token. The first request swaps it and marks the old one spent, so the second presents a token that is already dead and the session gets torn down. Locally we never see it because one developer's browser rarely fires parallel calls exactly at the expiry boundary.",
      2: "Second, the choices. A short grace window, say 10 seconds, in which the just-replaced token still returns the same new pair; a per-token lock in Redis so only one refresh runs and the others wait for its result; caching the refresh response by the old token's hash for those few seconds; or tracking tokens as a family so we can tell a sibling request from a replay. I would combine the lock with the cached response.",
      3: 'Third, make sure this does not open a hole. The window is seconds, not minutes, and it only ever hands back the pair we already issued, never a fresh one, so a stolen token gains nothing new. Reuse after the window still revokes the whole family, and I would have someone from our appsec group try replaying a token at eleven seconds in staging.',
      4: 'Fourth, the code. In the Express refresh handler I take SET NX on refresh:lock:<hash> with a 5-second expiry; the winner rotates and writes its result to refresh:result:<hash> for 10 seconds, and the losers poll that key for up to 2 seconds. Tokens issued before the release go through the same path, so nobody is logged out by the release itself, and it ships behind an environment flag.',
      5: "Last, knowing whether it still happens. I would count refresh calls answered from the cached result, revocations caused by reuse, and logouts within a minute of a refresh for the same user, and alert if forced logouts pass 0.5% of weekly active users, against today's 5%.",
    },
    keywords:
      'Token rotation, grace period, token family, Redis lock, deduplication, reuse detection, monitoring.',
    clarifications: [
      {
        ask: 'How long do access tokens live?',
        fact: 'JWT access tokens (15-minute expiry)',
      },
      {
        ask: 'Could we change how the frontend retries the refresh?',
        fact: 'You cannot change the frontend code',
      },
      {
        ask: 'Do we run one backend instance or several behind a load balancer?',
        fact: null,
      },
    ],
  },
  {
    // Rambling, week by week.
    questionId: 'the-zero-downtime-migration',
    steps: {
      1: 'Week one is all groundwork. I would inventory the 10 TB, which tables are hot and which joins the new denormalized shapes need, write the target schema with the read queries in hand, provision the new cluster, and turn on logical replication with a slot on Postgres so changes start being captured before we copy a single row.',
      2: 'Then the big copy. From a consistent snapshot I export table by table in parallel chunks: 10 TB at, say, 500 MB/s is about six hours of raw transfer, more like two days with the transforms, throttled so the primary stays under 60% CPU. After each chunk I compare row counts and checksums of sampled keys against the source.',
      3: "Once the snapshot is in, the change stream catches up: Debezium reads the slot from the snapshot's LSN into Kafka, a consumer applies each change to the denormalized rows, and lag sits on a dashboard. I want it under five seconds steady, well inside the five-minute loss budget.",
      4: 'After that the application itself starts writing to both. The Postgres write stays the one that decides success; the second write to the new store is async with retries, and a job diffs a 1% sample of writes every hour. We run like that for a week or two, so any mapping bug shows up while Postgres is still the source of truth.',
      5: 'Finally moving the traffic: reads first at 1%, 10%, 50% and 100% over several days behind a flag, then writes. Flipping the flag back takes a couple of seconds, which is how we stay inside the 15-second recovery time, and I keep Postgres fed through reverse replication for two weeks before we retire it.',
    },
    keywords:
      'CDC, Debezium, snapshot, bulk load, dual writes, replication lag, shadow reads, cutover, rollback.',
    clarifications: [
      {
        ask: 'What is the total size of the database we are moving?',
        fact: '10TB data',
      },
      {
        ask: 'How much data loss can we tolerate if something fails?',
        fact: 'RPO < 5 min',
      },
      {
        ask: 'Which distributed database is the target: Cassandra, Spanner, CockroachDB?',
        fact: null,
      },
    ],
  },
  {
    // Structured "first / second".
    questionId: 'the-feature-flag-recovery',
    steps: {
      1: 'First, before any customer sees it: the feature runs for two days for our own staff only, then for about 200 customers who opted into the beta. I also test the flag itself, setting it to 0% in staging and asserting that nobody gets the feature, since that is exactly what broke last week.',
      2: 'Second, we open it up in small steps: 1%, then 5, 10, 25, 50 and everyone. Each step holds for at least two hours, the small ones overnight, with the error and latency dashboard on the wall the whole time.',
      3: 'Third, what lets us take the next step is written down before we start: error rate within 0.1 points of the control group, p95 latency no more than 10% worse, no sev-2 incidents, and fewer than five support tickets mentioning the feature. If any number misses, we stay where we are; nobody gets to call it on a gut feeling.',
      4: 'Fourth, the off button. One toggle in the flag service, checked before any of the rollout logic and cached for at most five seconds in each app, so turning it off takes effect everywhere in under 30 seconds; and we rehearse pressing it in staging with the on-call engineer timing it.',
      5: 'Fifth, what customers hear. A short status-page note and an email before we begin, saying what went wrong last week and what is different now, an update as we pass 25% and 100%, and the account managers of the customers who were hit give them a personal heads-up a day ahead.',
    },
    keywords:
      'Canary, beta users, percentage rollout, success criteria, kill switch, rollback, status page, communication.',
    clarifications: [
      {
        ask: "How long were we down during last week's incident?",
        fact: '30 minutes downtime',
      },
      {
        ask: 'How much time do we have to plan this?',
        fact: '2 days to plan',
      },
      {
        ask: 'Which flag vendor are we on, LaunchDarkly or something built in-house?',
        fact: null,
      },
    ],
  },
  {
    // Terse.
    questionId: 'the-api-versioning-challenge',
    steps: {
      1: 'Month one: ship full_name and primary_email next to name and email in every response, plus the new nested object. Old clients ignore unknown fields; new ones can start reading them. Nothing removed.',
      2: 'For the second month: a client picks its shape with a header. Accept-Version: 2 gets the new layout only; no header still gets the combined one. We log which value every API key sends, so we know who has moved.',
      3: 'Last month of the window: no header now means the new layout. Anyone who still needs the old one sends Accept-Version: 1 explicitly. Before flipping, we email the 1,500 known partners and put a Deprecation header on every old-style response.',
      4: 'Once the window closes, version 1 goes away: requests for it get a 410 with a link to the migration guide. For unknown clients still calling it we brown out first, a few scheduled hour-long outages, and give the few named partners who truly cannot move a paid extension.',
    },
    keywords:
      'Additive fields, Accept-Version header, content negotiation, default switch, Sunset header, deprecation, migration guide, 410.',
    clarifications: [
      {
        ask: 'How many clients call the API today?',
        fact: '5,000 active clients',
      },
      {
        ask: 'Do we know who all of them are?',
        fact: '30% known partners, 70% unknown external',
      },
      {
        ask: 'Does every client send an API key we can identify it by?',
        fact: null,
      },
    ],
  },
  {
    // Rambling, but on point.
    questionId: 'the-cache-invalidation-crisis',
    steps: {
      1: 'So the reason this hurts: every write fans an invalidation out to all ten servers, each drops its local copy and goes straight back to Redis, so one popular key turns into ten misses at the same instant, and at peak that is most of the 100K a second. Redis is not slow at any single call; it is being asked to do the work the local caches were supposed to soak up.',
      2: 'There are a few ways out of it. Plain expiry times of around 30 seconds and let entries age out; expire early at random before that, so misses spread out instead of landing together; put a version number in the key, so a write just bumps the version and old entries become unreachable; or push changes over Redis pub/sub so servers update their copy instead of refetching it.',
      3: 'Weighing those against each other: expiry alone is dead simple and fits the 30-second budget exactly, but it is blind, so a hot key updated every second can be up to 30 seconds wrong. Versioned keys buy freshness at the price of an extra lookup per read. Pub/sub is the freshest, but messages get lost on reconnect, so you need expiry as a backstop anyway. I would lean on expiry with jitter and keep pub/sub for the few keys, like prices, where 30 seconds is too long.',
      4: 'Concretely, the local LRU gets a 25-second TTL plus or minus five seconds of jitter and a single-flight wrapper, so only one request per key per server goes to Redis on a miss, and the Redis entries get a 60-second TTL. I would export hit ratio per layer, Redis ops per second and miss latency to Prometheus, and expect Redis to fall from 100K to something like 15-20K ops a second.',
      5: "And to notice when the servers drift apart, a background job samples 100 random keys a minute, reads each one from every server's local cache and from the database, and records how many disagree and for how long. If any entry stays stale past 30 seconds, or the disagreement rate passes 1%, that pages someone.",
    },
    keywords: 'TTL, jitter, versioned keys, pub/sub, single-flight, stale data, hit ratio, Redis.',
    clarifications: [
      {
        ask: 'How stale is the data allowed to be?',
        fact: 'data freshness within 30 seconds acceptable',
      },
      {
        ask: 'How many app servers are there, and how big are their local caches?',
        fact: '10 servers with 5GB local cache each',
      },
      {
        ask: 'What is the read to write ratio on the hottest keys?',
        fact: null,
      },
    ],
  },
]
