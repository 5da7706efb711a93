/**
 * Hand-labelled answers for questions 9 to 15 (see coverage-labels.ts for the format). Written
 * and labelled before any tuning of the coverage map on them, as candidates talk: many cover a
 * step without its words, some cover nothing, some name a step only to dismiss it.
 */
import type { LabelledAnswer } from './coverage-labels.js'

export const COVERAGE_LABELS_Q09_Q15: Record<string, LabelledAnswer[]> = {
  // 1 true cost accounting, 2 alternative path, 3 intangible factors, 4 forward strategy
  'the-tech-stack-tco-analysis': [
    {
      text: "Over five years the big line is people: about 60 engineers at $200K is $12M a year, then $6M of AWS, plus what we lose when someone quits, which is roughly half a year's salary each time.",
      covers: [1],
    },
    {
      text: 'Had we gone with Python and Postgres on our own hardware, salaries would be about 15% lower, hosting maybe a third of the AWS bill, but we would need a few more ops people to run the machines.',
      covers: [2],
    },
    {
      text: "Shipping the MVP in four months instead of seven probably won us the market, and you can't put that on the invoice, but it matters more than the AWS line.",
      covers: [3],
    },
    {
      text: "Going forward I wouldn't rewrite anything; I'd buy reserved instances, move the analytics workload off Mongo to Postgres, and fix the developer experience issues behind the 40% satisfaction.",
      covers: [4],
    },
    {
      text: 'Node is fast and MongoDB scales, so it was definitely worth it.',
      covers: [],
    },
    {
      text: 'Only 40% of the team is happy with the tools, which shows up in attrition and in how hard it is to hire seniors who want to work on this.',
      covers: [3],
    },
    {
      text: 'The hidden items are the monitoring and tooling licences, the Mongo consultants we hired twice, and the months spent on data migrations because there was no schema.',
      covers: [1],
    },
    {
      text: 'I would compare it with the same company built on Django: cheaper engineers and hosting, but a slower first year and probably a bigger hiring pool.',
      covers: [2, 3],
    },
    {
      text: 'The next step is to set a cost target per daily user and review the stack yearly against it instead of arguing about languages.',
      covers: [4],
    },
    {
      text: 'Kubernetes, serverless, microservices, GraphQL.',
      covers: [],
    },
  ],
  // 1 situation, 2 behavior, 3 impact, 4 analysis, 5 learning
  'the-regret-retrospective': [
    {
      text: 'Three years ago I was tech lead on a team of six building a checkout for a retailer with a hard Black Friday deadline, and we had no one with Kubernetes experience.',
      covers: [1],
    },
    {
      text: 'I pushed us to split the checkout into eight services because I believed it would let us scale each part separately and I wanted the experience on my CV, honestly.',
      covers: [2],
    },
    {
      text: 'The result was that we shipped five weeks late, our deploys went from ten minutes to over an hour, and we had three outages in the first month that cost about $200K in lost orders.',
      covers: [3],
    },
    {
      text: "Looking back, the real mistake wasn't microservices as such; it was that I decided based on what I wanted to learn rather than on our load, which one Postgres box would have handled.",
      covers: [4],
    },
    {
      text: 'Since then I write a one-page decision record with the alternatives and the numbers before any architecture change, and on my last two projects we kept a modular monolith and shipped on time.',
      covers: [5],
    },
    {
      text: 'I regret nothing, every decision I made was right given the information.',
      covers: [],
    },
    {
      text: 'I would use microservices again because they are the industry standard.',
      covers: [],
    },
    {
      text: 'The stakes were high because the client was our biggest account and the contract renewal depended on that launch.',
      covers: [1],
    },
    {
      text: "The underlying cause was that nobody challenged the choice: I was the most senior person and I didn't ask for a review, so the assumption that we'd need to scale went untested.",
      covers: [4],
    },
    {
      text: 'Now I ask a peer to argue against my design in every review, and I can point to a case last year where that stopped us from adding Kafka we did not need.',
      covers: [5],
    },
  ],
  // 1 root cause, 2 solution options, 3 security validation, 4 implementation, 5 detection
  'the-jwt-race-condition-nightmare': [
    {
      text: 'When the access token expires, five requests from the same tab all call refresh at once; each one rotates the refresh token, so four of them end up holding a token that the fifth already replaced, and the next call logs the user out.',
      covers: [1],
    },
    {
      text: 'One way out is to let the previous refresh token keep working for a short window, say 30 seconds, after it has been rotated.',
      covers: [2],
    },
    {
      text: 'Another is to collapse concurrent refreshes on the server: the first request takes a short lock per user in Redis and the others wait and get the same new pair.',
      covers: [2, 4],
    },
    {
      text: 'Any grace window has to be small and single-use per token family, otherwise a stolen refresh token can be replayed; and if an old token shows up after the window, revoke the whole family.',
      covers: [3],
    },
    {
      text: "I'd add a counter for refresh calls that arrive with an already-rotated token and alert if it jumps, and a dashboard of forced logouts per hour per client version.",
      covers: [5],
    },
    {
      text: 'We should switch to sessions instead of JWTs because JWTs are insecure.',
      covers: [],
    },
    {
      text: 'In the refresh handler I would cache the response for the old token for a few seconds, keyed by token hash, so duplicates get the same answer; old clients need no change because the response shape stays the same.',
      covers: [4, 2],
    },
    {
      text: "I'd ask security to review the change and run our auth test suite, including a test that a replayed token from another IP is rejected.",
      covers: [3],
    },
    {
      text: 'Just make the access tokens last 24 hours and the problem goes away.',
      covers: [],
    },
    {
      text: 'To see whether it is happening in production, log every refresh with the token family id and flag a family where two different new tokens were issued within a second.',
      covers: [5],
    },
  ],
  // 1 preparation, 2 bulk load, 3 CDC sync, 4 dual writes, 5 cutover
  'the-zero-downtime-migration': [
    {
      text: 'The first week is groundwork: inventory every table and query that touches the data, design the denormalised model with the product teams, and stand up the new cluster with monitoring.',
      covers: [1],
    },
    {
      text: 'Then I copy the existing ten terabytes across from a consistent snapshot, in parallel by table, and check row counts and checksums per partition before trusting it.',
      covers: [2],
    },
    {
      text: "While that copy runs, the source keeps changing, so I'd tail the Postgres write-ahead log with Debezium and replay every change into the new store until it catches up.",
      covers: [3],
    },
    {
      text: 'Once replication is steady, the application writes every change to both databases, with the old one still the source of truth, and a job compares the two for drift.',
      covers: [4],
    },
    {
      text: 'Reads move over gradually, 1%, then 10%, then half, and a config switch sends everything back to Postgres within seconds if errors rise.',
      covers: [5],
    },
    {
      text: 'We could just take a maintenance window on Sunday night and do it all at once.',
      covers: [],
    },
    {
      text: 'With three engineers and six weeks I would spend the first days on a runbook, capacity planning and a dry run on a copy of production.',
      covers: [1],
    },
    {
      text: 'I would not do dual writes at all, they always go wrong.',
      covers: [],
    },
    {
      text: 'The final flip is only done once the new side has served all reads for a few days, and we keep the old database in sync in reverse for a week so rollback stays possible.',
      covers: [5],
    },
    {
      text: 'Sharding, Cassandra, Kafka, eventual consistency.',
      covers: [],
    },
    {
      text: 'The initial export can run throttled at night so it does not hurt the 50K requests a second, and anything that changes meanwhile is picked up from the replication stream.',
      covers: [2, 3],
    },
  ],
  // 1 pre-rollout validation, 2 gradual percentage, 3 stage gates, 4 kill switch, 5 communication
  'the-feature-flag-recovery': [
    {
      text: "Before any customer sees it, I'd run it for our own staff for a few days and then for a group of friendly customers who opted in, with the flag evaluation itself tested in staging.",
      covers: [1],
    },
    {
      text: 'Then we expose it to a small slice, one percent, then five, ten, a quarter, half and everyone, waiting at each step.',
      covers: [2],
    },
    {
      text: 'We only move to the next step if error rate, p99 latency and support tickets stay within what we agreed beforehand for at least 24 hours.',
      covers: [3],
    },
    {
      text: 'There must be a single switch that turns it off for everyone in under 30 seconds, tested before the rollout, and not relying on a deploy.',
      covers: [4],
    },
    {
      text: "Customers heard about last week's outage, so I'd email them what went wrong and the plan, and post an update on the status page at each stage.",
      covers: [5],
    },
    {
      text: 'Feature flags are risky, we should just deploy it to everyone and fix bugs quickly.',
      covers: [],
    },
    {
      text: 'The root problem last week was a default of 100 instead of 0, so the flag config gets a schema check and a second reviewer before any change.',
      covers: [1],
    },
    {
      text: 'An automatic rollback fires if the error rate doubles compared to the control group, without waiting for a human.',
      covers: [4],
    },
    {
      text: 'LaunchDarkly, Split, Unleash.',
      covers: [],
    },
    {
      text: 'Before going from 25% to 50%, the on-call lead and product owner sign off on the dashboard numbers, and account managers tell the big customers what is coming.',
      covers: [3, 5],
    },
  ],
  // 1 additive changes, 2 content negotiation, 3 default switch, 4 deprecation
  'the-api-versioning-challenge': [
    {
      text: 'Month one, responses carry both the old and the new names, so name and full_name are both there and nothing breaks for anyone.',
      covers: [1],
    },
    {
      text: 'Then clients pick the shape they want with an Accept header or an API-Version header, and without one they still get the old shape.',
      covers: [2],
    },
    {
      text: 'In the third month the new shape is what you get if you send nothing, and the old one is still there if you ask for it explicitly.',
      covers: [3],
    },
    {
      text: 'After the window we stop serving the old fields, but only after usage logs show almost nobody still calls without the header, and partners got a personal heads-up.',
      covers: [4],
    },
    {
      text: 'We should just change the format and tell people to update.',
      covers: [],
    },
    {
      text: 'I would send Deprecation and Sunset headers on every old-format response from day one, so unknown clients see the date in their logs.',
      covers: [4],
    },
    {
      text: "For the 70% we don't know, I'd log the user agent and API key of anyone still reading email instead of primary_email, and reach out to the biggest ones.",
      covers: [4],
    },
    {
      text: 'GraphQL solves versioning, so I would migrate everything to GraphQL.',
      covers: [],
    },
    {
      text: 'A /v2 path would work too, but a header keeps one URL and lets the same client switch per request.',
      covers: [2],
    },
    {
      text: "The nested object is new, so adding it next to the flat fields can't break a client that ignores unknown fields.",
      covers: [1],
    },
  ],
  // 1 root cause, 2 alternative strategies, 3 trade-off analysis, 4 implementation, 5 failure detection
  'the-cache-invalidation-crisis': [
    {
      text: 'Every write fans out invalidations to all ten servers and Redis, so under peak each local cache is emptied constantly and every miss lands on Redis, which melts at 100K requests a second.',
      covers: [1],
    },
    {
      text: 'Since 30 seconds of staleness is fine, the simplest change is to let entries expire after about 30 seconds instead of deleting them on every write.',
      covers: [2],
    },
    {
      text: 'Another approach is to put a version number in the key, so a write bumps the version and old entries just age out instead of being deleted everywhere.',
      covers: [2],
    },
    {
      text: 'Expiry is cheap and simple but serves stale data for up to 30 seconds; versioned keys are fresher but cost an extra lookup; pub/sub is freshest and the most moving parts.',
      covers: [3],
    },
    {
      text: 'In code, the get path reads local, then Redis, then the database, with a jittered TTL and a single-flight lock so a hundred misses on the same key make one query; hit rate and Redis ops go to Prometheus.',
      covers: [4],
    },
    {
      text: 'To catch caches drifting apart, a background job samples keys, compares the local copy, Redis and the database, and alerts if more than a small share disagree for longer than the TTL.',
      covers: [5],
    },
    {
      text: 'Just add more Redis nodes.',
      covers: [],
    },
    {
      text: 'The problem is that invalidation is too aggressive.',
      covers: [],
    },
    {
      text: 'I would rather accept some staleness than add a pub/sub system the team has to run, because the requirement explicitly allows 30 seconds.',
      covers: [3],
    },
    {
      text: 'A small random early refresh, where a key is recomputed slightly before it expires with a probability that grows as expiry nears, avoids the stampede at peak.',
      covers: [2],
    },
    {
      text: 'I would watch for users reporting old prices as the signal that caches disagree.',
      covers: [5],
    },
  ],
}
