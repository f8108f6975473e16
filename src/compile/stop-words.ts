/**
 * Words that carry no topic: left out of similarity, keyphrases and the faithfulness check.
 * English function words, plus Chinese particles and pronouns (as whole words from the segmenter).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also although always am among an and another any anyone anything
  are aren around as at away be became because become becomes been before being below between both but by can cannot
  could couldn d did didn do does doesn doing don done down during each either else enough even ever every few for
  from further get gets getting given go goes going got had hadn has hasn have haven having he her here hers herself him
  himself his how however i if in into is isn it its itself just kind least less let lets like ll m made make makes
  many may me might more most much must mustn my myself namely need needn neither no nor not now of off often on once
  one ones only onto or other others otherwise our ours ourselves out over own per perhaps quite rather re really s
  said same say says see seem seems shall shan she should shouldn since so some something such t than that the their
  theirs them themselves then there therefore these they thing things this those though through thus to too toward
  towards under until up upon us use used uses using ve very via was wasn way we well were weren what whatever when
  where whereas whether which while who whom whose why will with within without won would wouldn yes yet you your
  yours yourself yourselves able actually already certainly ever just never simply still
  的 了 是 在 和 与 及 或 也 就 都 而 并 又 还 被 把 让 对 从 向 于 以 为 其 之 这 那 这些 那些 这种 那种 这个 那个
  一个 一些 一种 他 她 它 他们 她们 它们 我 我们 你 你们 您 自己 说 道 着 过 地 得 所 等 吗 呢 吧 啊 但 但是 如果 因为
  所以 因此 可以 可能 没有 不 很 更 最 已经 将 会 要 能 有 个`
    .split(/\s+/u)
    .filter(Boolean),
);
