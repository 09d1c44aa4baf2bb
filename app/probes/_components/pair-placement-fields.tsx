import type { FamilyText } from './check-pair-form';
import { NEW_FAMILY } from './check-pair-form';
import { ariaFor, FieldError, type FieldHelp } from './field-help';

interface Choices {
  userSuites: ReadonlyArray<{ id: string; title: string }>;
  families: ReadonlyArray<Omit<FamilyText, 'description' | 'domain'> & { pairRule: string }>;
}

interface Values {
  suiteId: string;
  setSuiteId: (v: string) => void;
  suiteTitle: string;
  setSuiteTitle: (v: string) => void;
  familyChoice: string;
  setFamilyChoice: (v: string) => void;
  pairKey: string;
  setPairKey: (v: string) => void;
}

/** Where the pair goes: the user suite (new or existing), its family, and its key inside the family. */
export function PairPlacementFields({ userSuites, families, help, ...v }: Choices & Values & { help: FieldHelp }) {
  const isExistingSuite = userSuites.some((s) => s.id === v.suiteId);
  const chosenFamily = v.familyChoice && v.familyChoice !== NEW_FAMILY ? families.find((f) => f.id === v.familyChoice) : undefined;
  return (
    <div className="fields-row">
      <div className="field">
        <label htmlFor="pair-suite">Save into your suite</label>
        <input id="pair-suite" list="user-suites" value={v.suiteId} onChange={(e) => v.setSuiteId(e.target.value)} onBlur={() => help.touch('suite')} {...ariaFor(help, 'suite')} />
        <datalist id="user-suites">{userSuites.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}</datalist>
        {help.shown('suite') ? <FieldError help={help} field="suite" /> : <p className="hint">{isExistingSuite ? 'adds a new version of this suite' : 'a new suite, created on save'}</p>}
      </div>
      {!isExistingSuite ? (
        <div className="field">
          <label htmlFor="pair-suite-title">New suite title</label>
          <input id="pair-suite-title" placeholder={v.suiteId} value={v.suiteTitle} onChange={(e) => v.setSuiteTitle(e.target.value)} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="pair-family">Family</label>
        <select id="pair-family" value={v.familyChoice} onChange={(e) => { v.setFamilyChoice(e.target.value); help.touch('family'); }} {...ariaFor(help, 'family')}>
          <option value="">choose…</option>
          {families.map((f) => <option key={f.id} value={f.id}>{f.id} — {f.title}</option>)}
          <option value={NEW_FAMILY}>+ a new family…</option>
        </select>
        {help.shown('family') ? <FieldError help={help} field="family" /> : (v.familyChoice && v.familyChoice !== NEW_FAMILY ? <p className="hint">Pair rule: {chosenFamily?.pairRule}</p> : null)}
      </div>
      <div className="field">
        <label htmlFor="pair-key">Pair key</label>
        <input id="pair-key" placeholder="next free (000, 001, …)" value={v.pairKey} onChange={(e) => v.setPairKey(e.target.value)} onBlur={() => help.touch('key')} {...ariaFor(help, 'key')} />
        <FieldError help={help} field="key" />
      </div>
    </div>
  );
}
