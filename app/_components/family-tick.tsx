import { familyLabel, isLabelled, LABEL_FONT_PX, shortLabel, type FamilyLabelLayout } from '../../evals/charts/family-axis';

/**
 * One x label of a chart over families, as recharts hands it a tick: the skill name rotated, thinned and shortened as
 * `layout` says, with the full family id as its tooltip. On a line chart with an easy and a hard point per family the
 * tick's value is "family|tier" and only the easy point is labelled (`per: 'tier'`, the default); on a bar chart with
 * one group per family the value is the family id itself (`per: 'family'`). Other ticks (hard points, thinned
 * families) draw nothing.
 */
export function FamilyTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown }; layout: FamilyLabelLayout; familyIndex: ReadonlyMap<string, number>; per?: 'tier' | 'family' }) {
  const { x, y, payload, layout, familyIndex, per = 'tier' } = props;
  const value = String(payload?.value ?? '');
  const [family = '', tier] = per === 'family' ? [value, 'easy'] : value.split('|');
  const index = familyIndex.get(family);
  if (tier !== 'easy' || index === undefined || !isLabelled(index, layout)) return <g />;
  return (
    <g transform={`translate(${x},${y})`}>
      {/* Vertical text is centred on its tick; slanted text hangs from it, ending at the tick. */}
      <text className="family-tick" data-family={family} textAnchor="end" dy={layout.angle === -90 ? '0.35em' : '0.71em'} transform={`rotate(${layout.angle})`} fontSize={LABEL_FONT_PX} fill="var(--muted)">
        <title>{family}</title>
        {shortLabel(familyLabel(family), layout.maxChars)}
      </text>
    </g>
  );
}
