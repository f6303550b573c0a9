import { html } from 'lit';
import type { TemplateResult } from 'lit';

export type RenderChoiceSelectParameters<Value extends string> = {
  id: string;
  testId: string;
  isDisabled: boolean;
  values: readonly Value[];
  selected: Value;
  labelOf: (value: Value) => string;
  onChange: (value: Value) => void;
};

/**
 * A `<select>` over a fixed list of names (a cap's window, what happens when a cap or rule is
 * passed): the value comes back as one of `values`, never as free text.
 */
export function renderChoiceSelect<Value extends string>({
  id,
  testId,
  isDisabled,
  values,
  selected,
  labelOf,
  onChange,
}: RenderChoiceSelectParameters<Value>): TemplateResult {
  return html`<select
    id=${id}
    data-testid=${testId}
    ?disabled=${isDisabled}
    @change=${(event: Event) => {
      const value = values.find((each) => each === (event.target as HTMLSelectElement).value);
      if (value !== undefined) onChange(value);
    }}
  >
    ${values.map(
      (value) =>
        html`<option value=${value} ?selected=${value === selected}>${labelOf(value)}</option>`,
    )}
  </select>`;
}
