/** How a form shows one field's error: only once the field was left or the form submitted, linked for screen readers. */
export interface FieldHelp {
  touch: (field: string) => void;
  shown: (field: string) => string | undefined;
}

const errorId = (field: string) => `err-${field.replace(/\W/g, '-')}`;

/** The aria attributes of an input whose error may be shown. */
export function ariaFor(help: FieldHelp, field: string) {
  return { 'aria-invalid': Boolean(help.shown(field)), 'aria-describedby': help.shown(field) ? errorId(field) : undefined };
}

export function FieldError({ help, field }: { help: FieldHelp; field: string }) {
  const message = help.shown(field);
  return message ? <p className="field-error" id={errorId(field)} role="alert">{message}</p> : null;
}
