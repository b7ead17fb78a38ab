/**
 * Xưng hô — how the bot addresses people: "Đồng chí" (agencies, the Party, the Front, the army) or
 * "Anh/Chị" (schools, enterprises, associations). No message hard-codes it: Vietnamese messages say
 * `{ $You }` at the start of a sentence and `{ $you }` inside one, and every translation gets the two
 * from the reader's unit (or the campaign a message is about), "Đồng chí" when nothing says otherwise.
 *
 * @example addressVars('Anh/Chị') // { You: 'Anh/Chị', you: 'anh/chị' }
 */
import { ADDRESS_FORMS, type AddressForm } from './campaign-file.js';
import { fold } from './text.js';

export { ADDRESS_FORMS, type AddressForm };

/** The form used when neither the unit nor the campaign chose one. */
export const DEFAULT_ADDRESS_FORM: AddressForm = 'Đồng chí';

/** The two variables every Vietnamese message may use. */
export function addressVars(form: string | null | undefined): { You: string; you: string } {
  const f = form && (ADDRESS_FORMS as readonly string[]).includes(form) ? (form as AddressForm) : DEFAULT_ADDRESS_FORM;
  // Asked for with every translation: the two answers are made once.
  return VARS[f];
}

const VARS = Object.fromEntries(ADDRESS_FORMS.map((f) => [f, Object.freeze({ You: f, you: f.toLocaleLowerCase('vi') })])) as Record<AddressForm, { You: string; you: string }>;

/** A form typed by a person ("anh chi", "Anh/chị", "dong chi"), or null when it is neither. */
export function parseAddressForm(typed: string): AddressForm | null {
  const f = fold(typed).replace(/[^a-z]+/g, ' ').trim();
  if (f === 'dong chi') return 'Đồng chí';
  if (f === 'anh chi' || f === 'anh chi ') return 'Anh/Chị';
  return null;
}
