import Link from 'next/link';

export const metadata = { title: 'How to read this — Sawtooth' };

/**
 * Plain words for every number and chart of the dashboard. Each column header and chart links here, to the section
 * (#id) that explains it. Keep it in step with evals/metrics/README.md and the design's metrics document.
 */
export default function HowToReadPage() {
  return (
    <article className="prose" data-testid="how-to-read">
      <h1>How to read this</h1>
      <p className="subtitle">
        Sawtooth asks a model pairs of questions from one skill (a <em>family</em>): an easy one, and a hard one that
        needs what the easy one tests. A smooth model gets the easy one right whenever it gets the hard one right. A
        jagged model solves hard problems while failing their easy steps.
      </p>

      <h2 id="runs">One suite, one run</h2>
      <p>
        Every number belongs to one model on one suite version (default <code>core</code>), from the model&apos;s latest
        completed run on it. Suites never mix, nor versions of a suite; a pair you save, or a suite you generate, lives in
        its own suite and cannot change a core number. Pooling several runs is your explicit choice (the model page&apos;s
        &ldquo;Pool repeated runs&rdquo;, or <code>npx sawtooth profile --pool</code>) and the page lists the runs it pooled.
        The same object is printed by <code>npx sawtooth profile --model &lt;id&gt; --json</code>.
      </p>

      <h2 id="accuracy">Easy and hard accuracy, and chance</h2>
      <p>
        The share of probes answered right, with a 95% interval: the true rate lies in that range with 95% confidence;
        two numbers whose ranges overlap may not differ at all. <strong>Chance</strong> is what guessing alone would
        score: ½ on a yes/no question, 1/n on an n-option choice, about 0 on an open answer. Binary questions come with a
        <em> contrast twin</em> (the same question turned to the other answer); the pair counts as right only when both
        are, so guessing scores ¼. An accuracy near its chance floor says the model knows little there.
      </p>

      <h2 id="refusals">Refusals and errors</h2>
      <p>
        A <strong>refusal</strong> (the model declined, or said the task is outside what it does) is counted and shown,
        but it is not a wrong answer: it is left out of every accuracy. An <strong>error</strong> (no answer came, or our
        grader failed) is not an answer either; it can be retried from the run page.
      </p>

      <h2 id="not-evaluated">Not evaluated</h2>
      <p>
        A model may declare what it answers (the local checkpoints list their tasks; a configured model can list its
        families or domains). Probes outside that scope are never sent, and their families say &ldquo;not
        evaluated&rdquo;: a gap in the chart, never a 0%.
      </p>

      <h2 id="profile">The sawtooth profile</h2>
      <p>
        Families run left to right, each as two points: easy, then hard. A smooth model&apos;s teeth all point down
        (easy ≥ hard). A tooth pointing up — hard above easy — is a family where the model is inverted. Whiskers are 95%
        intervals; a tooth whose whiskers overlap is within noise.
      </p>

      <h2 id="inversion">Inversion rate J</h2>
      <p>
        Of the hard probes a model solved, the share whose easy twin it failed (0 is perfectly consistent). Read it with
        its interval, and know its limits: a coin-flipper scores about ½ and guessing on yes/no items raises it, so a high
        J alone does not prove jaggedness. A family is called <em>inverted</em> only when its hard-right/easy-wrong pairs
        significantly outnumber its easy-right/hard-wrong pairs beyond what guessing allows (a paired test, corrected
        for testing many families at once).
      </p>

      <h2 id="verdict">The verdict: jagged or not</h2>
      <p>
        In each family, count the pairs where the hard probe was right and the easy one wrong (<em>flipped</em>), and
        those where the easy one was right and the hard one wrong (<em>ordered</em>). If the model had no real
        inversion, flipped pairs would be no more common than guessing and ordinary noise allow. A family whose flipped
        pairs exceed that, by an exact test corrected for testing every family (Holm), has a <strong>flipped
        tooth</strong> and is marked <em>inverted</em>. A model with at least one flipped tooth is <strong>jagged</strong>;
        one whose families could each have shown a flip but none did is <strong>not jagged</strong>; a model with too few
        pairs for any flip to reach significance gets <strong>insufficient data</strong>. The <strong>index</strong> is
        the share of the model&apos;s pairs flipped beyond chance (0 without a flipped tooth), with a 95% interval. On
        simulated models a coin-flipper, a model with unrelated easy and hard skills, and a consistent model that
        guesses are all called not jagged (<code>npx sawtooth battery</code> prints the pass rates).
      </p>

      <h2 id="rank">Rank</h2>
      <p>
        The leaderboard ranks by the jaggedness index, with its uncertainty: one model is above another only when their
        intervals do not overlap. Models inside each other&apos;s noise share a rank range (&ldquo;1–3&rdquo;): their
        order is not known.
      </p>

      <h2 id="unevenness">Unevenness τ and U</h2>
      <p>
        How far the easy accuracy swings from family to family. U is the raw standard deviation; with 20 pairs a family,
        random noise alone gives about 0.1. τ is the same spread net of that noise (a random-effects estimate) with a
        95% interval: τ near 0 means the families do not really differ.
      </p>

      <h2 id="guttman">Guttman ordering</h2>
      <p>
        Every item (one tier of one pair) from easiest to hardest, by how often all models on the same suite version pass
        it. A perfectly consistent model passes a prefix and fails the rest. G counts the (failed easier, passed harder)
        combinations; G<sub>normed</sub> is their share, from 0 (perfect order) to 1.
      </p>

      <h2 id="consistency">CS, INV and RCS</h2>
      <p>
        CS is P(easy right | hard right), from ConsisEval (Yang et al., 2024); INV = 1 − CS. RCS rescales CS between its
        lower bound (easy accuracy) and an upper bound. <strong>Our RCS</strong> counts a bound equal to CS as reaching
        it (RCS = 1); ConsisEval&apos;s <code>analysis.py</code> skips such a bound, so on ties the two differ (easy
        [1,0,0], hard [1,1,0]: ours 1.0, theirs 0.5). Use ConsisEval&apos;s when comparing with published figures.
      </p>

      <h2 id="samples">Samples and stability</h2>
      <p>
        The temperature is always sent (0 unless set; reasoning models take none) and shown with each run. With one
        sample per probe, every number rests on a single answer: run again, or with <code>--samples 2</code> or more, to
        see how stable the profile is.
      </p>

      <h2 id="thinking-time">Thinking time</h2>
      <p>
        Models that report it (the local CTM) show the internal ticks used per answer, easy vs hard, in the families they
        were evaluated on. Refusals use no ticks and draw no bars.
      </p>
      <h2 id="thinking-unseen">Thinking time on unseen inputs</h2>
      <p>
        From a local CTM&apos;s training card, on inputs of lengths held out of training (test split). Left: accuracy if
        the model is stopped after k ticks, with its 95% band — if thinking pays, the line rises with k. Right: the ticks
        it uses under adaptive halting (it stops at the first tick whose certainty reaches the threshold chosen on the
        validation split) per input length, with 95% intervals — if it thinks longer on harder inputs, the points climb.
        Below: ticks used on answers it got right and on those it got wrong. Each caption gives the n behind every point.
      </p>
      <h2 id="training-card">Accuracy by input length (training card)</h2>
      <p>
        Every local checkpoint (CTM, Transformer, LSTM) has a card with its accuracy per input length on the test split,
        with 95% intervals. Lengths too short to hold inputs out are grey: training saw every one of them, so they
        measure fit, not generalisation. The Transformer and the LSTM answer at their last tick, so they have no
        adaptive thinking time to show.
      </p>
      <p><Link href="/">Back to the leaderboard</Link></p>
    </article>
  );
}
