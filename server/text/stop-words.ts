/**
 * English function words: articles, pronouns, auxiliaries, prepositions, conjunctions and common
 * adverbs. They carry the reasoning of a sentence but not its topic, so similarity ignores them
 * and the discourse measures count them (a keyword list has almost none).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been
  before being below between both but by can can't cannot could couldn't did didn't do does
  doesn't doing don't down during each either else etc even ever every few for from further get
  gets got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
  herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its
  itself just let's like may me might more most much must mustn't my myself neither no nor not
  now of off on once only or other ought our ours ourselves out over own per quite rather
  really same shall shan't she she'd she'll she's should shouldn't so some such than that that's
  the their theirs them themselves then there there's therefore these they they'd they'll
  they're they've this those though through thus to too under until up upon us very via was
  wasn't we we'd we'll we're we've well were weren't what what's whatever when when's where
  where's whether which while who who's whom whose why why's will with within without won't
  would wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves`.split(
    /\s+/,
  ),
)

/**
 * Connectives and verbs of reasoning: their presence marks an explanation rather than a list.
 * A subset of function words plus a few content-bearing reasoning verbs.
 */
export const REASONING_MARKERS: ReadonlySet<string> = new Set(
  `because since so therefore thus hence if then when unless although though but however while
  whereas which that means causes cause caused leads lead would could should will instead
  otherwise first second finally before after until then why how trade tradeoff`.split(/\s+/),
)
