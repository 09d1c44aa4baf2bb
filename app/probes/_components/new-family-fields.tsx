import type { Dispatch, SetStateAction } from 'react';
import type { FamilyText } from './check-pair-form';
import { ariaFor, FieldError, type FieldHelp } from './field-help';

const SHORT = [['id', 'Id (domain.skill)', 'arithmetic.doubling'], ['domain', 'Domain', 'arithmetic'], ['title', 'Title', 'Doubling']] as const;
const LONG = [['description', 'Description', 'What skill this family tests.'], ['pairRule', 'Pair rule', 'Why solving the hard probe needs the skill the easy one tests.']] as const;

/** The fields of a family declared together with its first pair. */
export function NewFamilyFields({ family, setFamily, help }: { family: FamilyText; setFamily: Dispatch<SetStateAction<FamilyText>>; help: FieldHelp }) {
  const field = ([f, label, ph]: readonly [keyof FamilyText, string, string], className: string) => (
    <div className={className} key={f}>
      <label htmlFor={`family-${f}`}>{label}</label>
      <input id={`family-${f}`} placeholder={ph} value={family[f]} onChange={(e) => setFamily((x) => ({ ...x, [f]: e.target.value }))} onBlur={() => help.touch(`family.${f}`)} {...ariaFor(help, `family.${f}`)} />
      <FieldError help={help} field={`family.${f}`} />
    </div>
  );
  return (
    <fieldset>
      <legend>New family</legend>
      <div className="fields-row">{SHORT.map((f) => field(f, 'field'))}</div>
      <div className="fields-row">{LONG.map((f) => field(f, 'field grow'))}</div>
    </fieldset>
  );
}
