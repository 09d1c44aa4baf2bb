import { ariaFor, FieldError, type FieldHelp } from './field-help';

export interface ProbeText {
  prompt: string;
  answer: string;
}

/** The prompt and answer of one tier of the pair. */
export function ProbeFields({ tier, value, onChange, help }: { tier: 'easy' | 'hard'; value: ProbeText; onChange: (v: ProbeText) => void; help: FieldHelp }) {
  return (
    <fieldset>
      <legend>{tier === 'easy' ? 'Easy probe' : 'Hard probe'}</legend>
      <div className="field">
        <label htmlFor={`${tier}-prompt`}>Prompt</label>
        <textarea id={`${tier}-prompt`} rows={4} value={value.prompt} onChange={(e) => onChange({ ...value, prompt: e.target.value })} onBlur={() => help.touch(`${tier}.prompt`)} {...ariaFor(help, `${tier}.prompt`)} />
        <FieldError help={help} field={`${tier}.prompt`} />
      </div>
      <div className="field">
        <label htmlFor={`${tier}-answer`}>Answer</label>
        <input id={`${tier}-answer`} value={value.answer} onChange={(e) => onChange({ ...value, answer: e.target.value })} onBlur={() => help.touch(`${tier}.answer`)} {...ariaFor(help, `${tier}.answer`)} />
        <FieldError help={help} field={`${tier}.answer`} />
      </div>
    </fieldset>
  );
}
